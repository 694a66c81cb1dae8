package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import io.heavenbase.spi.support.ProviderBase;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code chroma} backend: a Chroma server (1.x, REST API v2) reached over HTTP with the JDK
 * client; no client library needed.
 *
 * <p>Configuration: {@code url} (default {@code http://127.0.0.1:8000}), {@code tenant} (default
 * {@code default_tenant}), {@code database} (default {@code default_database}), {@code token} (sent
 * as {@code Authorization: Bearer} and {@code X-Chroma-Token}), {@code exact-near-limit} (default
 * {@value #DEFAULT_EXACT_NEAR_LIMIT}: up to this many rows that could be eligible, near scores all of
 * them exactly; see {@link FragmentExecutor}) and {@code prefix}.
 *
 * <p>Capabilities, each checked against a real server by the tests: every kind is storable inline
 * (as metadata); vectors also as {@code VectorIndex} (one per entity part) with native
 * {@code near}; {@code eq ne in nin} native on text kinds, Identifier, Categorical, Boolean, Integer,
 * Float, Timestamp and Date; {@code lt lte gt gte} native on Integer, Float, Timestamp and Date only
 * (Chroma rejects range operators on strings). Everything else runs in the engine: {@code null}
 * (Chroma cannot ask for a missing key), ranges on text, {@code match} ({@code where_document}
 * works on documents, which this backend does not use), array operators, and {@code order}
 * (Chroma has no sort).
 */
public final class ChromaProvider extends ProviderBase {

    public static final String TYPE = "chroma";
    public static final String DEFAULT_URL = "http://127.0.0.1:8000";
    public static final String DEFAULT_TENANT = "default_tenant";
    public static final String DEFAULT_DATABASE = "default_database";
    public static final int DEFAULT_EXACT_NEAR_LIMIT = 1000;

    static final String URL = "url";
    static final String TENANT = "tenant";
    static final String DATABASE = "database";
    static final String TOKEN = "token";
    static final String EXACT_NEAR_LIMIT = "exact-near-limit";

    /** Tenant and database names as Chroma accepts them; also safe as URL path segments. */
    private static final Pattern CHROMA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]");
    private static final CapabilityTable CAPABILITIES = buildCapabilities();

    /** The provider {@link java.util.ServiceLoader} finds. */
    public ChromaProvider() {
        super(TYPE, CAPABILITIES, Set.of(URL, TENANT, DATABASE, TOKEN, EXACT_NEAR_LIMIT));
    }

    @Override
    public Class<? extends Backend> backendClass() {
        return ChromaBackend.class;
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("url");
    }

    @Override
    public DevServiceDescription devServices() {
        return new DevServiceDescription(new DevServiceDescription.Container("chromadb/chroma:1.0.0", List.of(8000),
                Map.of(), List.of(), Map.of(), DevServiceDescription.Readiness.http("/api/v2/heartbeat", 8000, 200),
                Map.of("url", "http://{host}:{port}")), null);
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(URL, DEFAULT_URL, "URL of the Chroma server."),
                ConfigKey.text(TENANT, DEFAULT_TENANT, "Chroma tenant."),
                ConfigKey.text(DATABASE, DEFAULT_DATABASE, "Chroma database."),
                ConfigKey.secret(TOKEN, "Access token; never printed in messages."),
                ConfigKey.integer(EXACT_NEAR_LIMIT, DEFAULT_EXACT_NEAR_LIMIT, "Up to this many eligible rows, near scores every row "
                        + "exactly instead of using HNSW."));
    }

    @Override
    public Backend open(BackendConfig config) {
        config.rejectUnknown(configKeys());
        URI url = url(config);
        String tenant = chromaName(config, TENANT, DEFAULT_TENANT);
        String database = chromaName(config, DATABASE, DEFAULT_DATABASE);
        int exactNearLimit = config.integer(EXACT_NEAR_LIMIT, DEFAULT_EXACT_NEAR_LIMIT);
        if (exactNearLimit < 0) {
            throw new ConfigurationException(config.property(EXACT_NEAR_LIMIT),
                    config.property(EXACT_NEAR_LIMIT) + " must not be negative, got " + exactNearLimit);
        }
        String token = config.string(TOKEN, null);
        ObjectMapper json = new ObjectMapper();
        ChromaHttp http = new ChromaHttp(config.backendName(), url, config.property(URL), token, json);
        ChromaApi api = new ChromaApi(http, tenant, database);
        return new ChromaBackend(config.backendName(), config.prefix(), config.property("prefix"), CAPABILITIES, api,
                json, exactNearLimit);
    }

    private static URI url(BackendConfig config) {
        String text = config.string(URL, DEFAULT_URL).trim();
        try {
            URI url = new URI(text);
            boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            if (!web || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
                    || url.getRawUserInfo() != null) {
                throw new URISyntaxException(text, "expected http(s)://host[:port][/path]");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(config.property(URL), "invalid " + config.property(URL) + " '"
                    + text.replaceAll("//[^/@]*@", "//***@") + "': expected http(s)://host[:port][/path], e.g. " + DEFAULT_URL, e);
        }
    }

    private static String chromaName(BackendConfig config, String key, String defaultValue) {
        String value = config.string(key, defaultValue);
        if (!CHROMA_NAME.matcher(value).matches()) {
            throw new ConfigurationException(config.property(key), "invalid " + config.property(key) + " '" + value
                    + "': Chroma needs 3 to 63 characters of [A-Za-z0-9._-] starting and ending with a letter or digit");
        }
        return value;
    }

    private static CapabilityTable buildCapabilities() {
        return CapabilityTable.builder()
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.IDENTIFIER, Kind.SHORT_TEXT, Kind.MEDIUM_TEXT,
                        Kind.LONG_TEXT, Kind.CATEGORICAL, Kind.BOOLEAN), Ops.EQ, Ops.NE, Ops.IN, Ops.NIN)
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.INTEGER, Kind.FLOAT, Kind.TIMESTAMP, Kind.DATE),
                        Ops.EQ, Ops.NE, Ops.LT, Ops.LTE, Ops.GT, Ops.GTE, Ops.IN, Ops.NIN)
                .store(Strategy.INLINE_COLUMN, EnumSet.of(Kind.ARRAY, Kind.VECTOR, Kind.JSON, Kind.HYPERG,
                        Kind.ARTIFACT))
                .store(Strategy.VECTOR_INDEX, Kind.VECTOR, Ops.NEAR)
                .build();
    }
}
