package io.heavenbase.backend.milvus;

import io.heavenbase.ConfigurationException;
import io.heavenbase.Metric;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.support.Options;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration of one {@code milvus} backend: where the server is, how to authenticate, which
 * database, the collection-name prefix and how vector fields are indexed.
 *
 * @param backendName the workspace-local backend name, for messages
 * @param uri         the server address, e.g. {@code http://127.0.0.1:19530}
 * @param token       an API token or {@code user:password}; empty when the server needs none; never logged
 * @param database    the Milvus database; empty for the server's default database
 * @param prefix      the collection-name prefix
 * @param metric      the metric every vector index is built with
 * @param indexType   the vector index type: {@code HNSW}, {@code FLAT} or {@code AUTOINDEX}
 */
record MilvusSettings(String backendName, String uri, String token, String database, String prefix, Metric metric,
        String indexType) {

    static final String URI = "uri";
    static final String TOKEN = "token";
    static final String DATABASE = "database";
    static final String METRIC = "metric";
    static final String INDEX_TYPE = "index-type";
    static final Set<String> KEYS = Set.of(URI, TOKEN, DATABASE, METRIC, INDEX_TYPE);
    static final String DEFAULT_URI = "http://127.0.0.1:19530";
    static final Set<String> INDEX_TYPES = Set.of("HNSW", "FLAT", "AUTOINDEX");

    static MilvusSettings from(BackendConfig config) {
        config.rejectUnknown(KEYS);
        String uri = config.string(URI, DEFAULT_URI).trim();
        if (!uri.matches("(?i)https?://[^\\s]+")) {
            throw new ConfigurationException(config.property(URI), config.property(URI)
                    + " must be a URL such as " + DEFAULT_URI + ", got '" + uri + "'");
        }
        return new MilvusSettings(config.backendName(), uri, config.string(TOKEN, ""), config.string(DATABASE, ""),
                config.prefix(), Options.metric(config, METRIC), indexType(config));
    }

    private static String indexType(BackendConfig config) {
        String type = config.string(INDEX_TYPE, "HNSW").trim().toUpperCase(Locale.ROOT);
        if (!INDEX_TYPES.contains(type)) {
            throw new ConfigurationException(config.property(INDEX_TYPE),
                    config.property(INDEX_TYPE) + " must be one of " + INDEX_TYPES + ", got '"
                            + config.string(INDEX_TYPE, "") + "'");
        }
        return type;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "MilvusSettings[" + backendName + " " + uri + " database=" + database + " prefix=" + prefix + " metric="
                + metric.id() + " index=" + indexType + (token.isEmpty() ? "" : " token=****") + "]";
    }
}
