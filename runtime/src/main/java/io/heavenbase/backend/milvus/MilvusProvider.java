package io.heavenbase.backend.milvus;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import io.heavenbase.spi.support.DriverProbe;
import io.heavenbase.spi.support.ProviderBase;
import java.util.List;
import java.util.Map;

/**
 * The {@code milvus} backend: a Milvus 2.5+ server through the official Java SDK
 * ({@code MilvusClientV2}). Configuration keys: {@code uri} (default {@code http://127.0.0.1:19530}),
 * {@code token} (an API key or {@code user:password}), {@code database}, {@code prefix}, and
 * {@code metric} ({@code cosine}, {@code dot} or {@code l2}; default cosine) and
 * {@code index-type} ({@code HNSW}, {@code FLAT} or {@code AUTOINDEX}; default HNSW) for vector
 * indexes. The SDK is an optional dependency: {@link #available()} says whether it is on the
 * classpath.
 */
public final class MilvusProvider extends ProviderBase {

    public static final String TYPE = "milvus";
    /** What an application adds to use this backend. */
    public static final String DRIVER = "io.milvus:milvus-sdk-java:2.6.7 and org.slf4j:slf4j-api";

    private static final DriverProbe PROBE = new DriverProbe("the Milvus client", DRIVER,
            List.of("io.milvus.v2.client.MilvusClientV2", "org.slf4j.LoggerFactory", "com.google.gson.JsonObject"));

    /** The provider {@link java.util.ServiceLoader} finds. */
    public MilvusProvider() {
        super(TYPE, MilvusCapabilities.TABLE, MilvusSettings.KEYS, PROBE);
    }

    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("uri");
    }

    /** Milvus standalone with its embedded etcd and local storage. */
    @Override
    public DevServiceDescription devServices() {
        String etcdConfig = "/milvus/configs/embedEtcd.yaml";
        return new DevServiceDescription(new DevServiceDescription.Container("milvusdb/milvus:v2.6.11",
                List.of(19530, 9091),
                Map.of("DEPLOY_MODE", "STANDALONE",
                        "ETCD_USE_EMBED", "true",
                        "ETCD_DATA_DIR", "/var/lib/milvus/etcd",
                        "ETCD_CONFIG_PATH", etcdConfig,
                        "COMMON_STORAGETYPE", "local"),
                List.of("milvus", "run", "standalone"),
                Map.of(etcdConfig,
                        "listen-client-urls: http://0.0.0.0:2379\nadvertise-client-urls: http://0.0.0.0:2379\n"),
                DevServiceDescription.Readiness.http("/healthz", 9091, 200), Map.of("uri", "http://{host}:{port}")),
                null);
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.text(MilvusSettings.URI, MilvusSettings.DEFAULT_URI, "URI of the Milvus server."),
                ConfigKey.secret(MilvusSettings.TOKEN, "Access token; never printed in messages."),
                ConfigKey.text(MilvusSettings.DATABASE, "Milvus database."),
                ConfigKey.text(MilvusSettings.METRIC, "cosine", "Metric of the vector indexes: cosine, dot or l2."),
                ConfigKey.text(MilvusSettings.INDEX_TYPE, "HNSW", "Vector index type: HNSW, FLAT or AUTOINDEX."));
    }

    @Override
    public Backend open(BackendConfig config) {
        MilvusSettings settings = MilvusSettings.from(config);
        requireDriver(config);
        return MilvusBackend.open(settings, config.property(MilvusSettings.URI));
    }
}
