package io.heavenbase.backend.milvus;

import io.heavenbase.ConfigurationException;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.DevServiceDescription;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code milvus} backend: a Milvus 2.5+ server through the official Java SDK
 * ({@code MilvusClientV2}). Configuration keys: {@code uri} (default {@code http://127.0.0.1:19530}),
 * {@code token} (an API key or {@code user:password}), {@code database}, {@code prefix}, and
 * {@code metric} ({@code cosine}, {@code dot} or {@code l2}; default cosine) and
 * {@code index-type} ({@code HNSW}, {@code FLAT} or {@code AUTOINDEX}; default HNSW) for vector
 * indexes. The SDK is an optional dependency: {@link #available()} says whether it is on the
 * classpath.
 */
public final class MilvusProvider implements BackendProvider {

    public static final String TYPE = "milvus";
    /** What an application adds to use this backend. */
    public static final String DRIVER = "io.milvus:milvus-sdk-java:2.6.7 and org.slf4j:slf4j-api";

    private static final List<String> DRIVER_CLASSES = List.of("io.milvus.v2.client.MilvusClientV2",
            "org.slf4j.LoggerFactory", "com.google.gson.JsonObject");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return MilvusCapabilities.TABLE;
    }

    @Override
    public Set<String> configKeys() {
        return MilvusSettings.KEYS;
    }

    @Override
    public boolean available() {
        ClassLoader loader = MilvusProvider.class.getClassLoader();
        for (String name : DRIVER_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String driverMarker() {
        return DRIVER_CLASSES.get(0);
    }

    @Override
    public String missingDriver() {
        return DRIVER;
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
        if (!available()) {
            throw new ConfigurationException(config.property("type"), "backend '" + config.backendName()
                    + "' has type milvus but the Milvus client is not on the classpath; add " + DRIVER);
        }
        return MilvusBackend.open(settings, config.property(MilvusSettings.URI));
    }
}
