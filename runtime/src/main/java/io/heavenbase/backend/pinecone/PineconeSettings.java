package io.heavenbase.backend.pinecone;

import io.heavenbase.ConfigurationException;
import io.heavenbase.Metric;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.support.Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * The configuration of one {@code pinecone} backend.
 *
 * @param backendName the workspace-local backend name, for messages
 * @param apiKey      the API key sent as {@code Api-Key}; empty for servers that need none (Pinecone Local); never logged
 * @param index       the index name
 * @param cloud       the cloud of a serverless index created when {@code index} does not exist (with {@code region})
 * @param region      the region of such an index
 * @param host        the data-plane URL; null to look it up with the control plane
 * @param apiUrl      the control-plane URL, default {@code https://api.pinecone.io}
 * @param metric      the metric of an index created here
 * @param prefix      the namespace prefix
 */
record PineconeSettings(String backendName, String apiKey, String index, String cloud, String region, URI host,
        URI apiUrl, Metric metric, String prefix) {

    static final String API_KEY = "api-key";
    static final String INDEX = "index";
    static final String CLOUD = "cloud";
    static final String REGION = "region";
    static final String HOST = "host";
    static final String API_URL = "api-url";
    static final String METRIC = "metric";
    static final Set<String> KEYS = Set.of(API_KEY, INDEX, CLOUD, REGION, HOST, API_URL, METRIC);
    static final String DEFAULT_API_URL = "https://api.pinecone.io";

    static PineconeSettings from(BackendConfig config) {
        config.rejectUnknown(KEYS);
        String index = config.require(INDEX).trim();
        if (!index.matches("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?")) {
            throw new ConfigurationException(config.property(INDEX), config.property(INDEX)
                    + " must be a Pinecone index name (lower-case letters, digits and '-', at most 45 chars), got '"
                    + index + "'");
        }
        String hostText = config.string(HOST, "").trim();
        URI host = hostText.isEmpty() ? null : url(config, HOST, hostText);
        String apiKey = config.string(API_KEY, "");
        if (apiKey.isBlank() && host == null) {
            throw new ConfigurationException(config.property(API_KEY), "backend '" + config.backendName()
                    + "' needs " + config.property(API_KEY) + " (or " + config.property(HOST)
                    + " for a server without authentication)");
        }
        String cloud = config.string(CLOUD, "").trim();
        String region = config.string(REGION, "").trim();
        if (cloud.isEmpty() != region.isEmpty()) {
            String missing = cloud.isEmpty() ? CLOUD : REGION;
            throw new ConfigurationException(config.property(missing), config.property(CLOUD) + " and "
                    + config.property(REGION) + " go together; set " + config.property(missing));
        }
        return new PineconeSettings(config.backendName(), apiKey, index, cloud, region, host,
                url(config, API_URL, config.string(API_URL, DEFAULT_API_URL).trim()), Options.metric(config, METRIC),
                config.prefix());
    }

    /** Whether a missing index may be created (cloud and region are configured). */
    boolean mayCreateIndex() {
        return !cloud.isEmpty();
    }

    private static URI url(BackendConfig config, String key, String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(config.property(key), config.property(key)
                    + " must be an http(s) URL, got '" + text + "'");
        }
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "PineconeSettings[" + backendName + " index=" + index + " host=" + host + " api=" + apiUrl + " cloud="
                + cloud + " region=" + region + " metric=" + metric.id() + " prefix=" + prefix
                + (apiKey.isEmpty() ? "" : " api-key=****") + "]";
    }
}
