package io.heavenbase.backend.elasticsearch;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How the backend reaches its cluster, read from the backend configuration: either a ready
 * {@link RestClient} handed over under {@link BackendConfig#CLIENT_OBJECT} (as the Quarkus
 * extension does) or {@code client} (borrowed: never closed here), or one built from
 * {@code hosts}, {@code protocol}, {@code username} and {@code password} (owned).
 */
final class ClientSettings {

    static final String HOSTS = "hosts";
    static final String PROTOCOL = "protocol";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String CLIENT = "client";

    static final String DEFAULT_HOSTS = "127.0.0.1:9200";
    private static final int DEFAULT_PORT = 9200;

    private final RestClient borrowed;
    private final List<HttpHost> hosts;
    private final String username;
    private final String password;
    private final String hostsProperty;

    private ClientSettings(RestClient borrowed, List<HttpHost> hosts, String username, String password,
            String hostsProperty) {
        this.borrowed = borrowed;
        this.hosts = hosts;
        this.username = username;
        this.password = password;
        this.hostsProperty = hostsProperty;
    }

    /** Reads and validates the configuration; throws {@link ConfigurationException} naming the bad property. */
    static ClientSettings from(BackendConfig config) {
        String clientKey = config.object(BackendConfig.CLIENT_OBJECT) != null ? BackendConfig.CLIENT_OBJECT : CLIENT;
        Object client = config.object(clientKey);
        if (client != null) {
            if (!(client instanceof RestClient)) {
                throw new ConfigurationException(config.property(clientKey), config.property(clientKey)
                        + " must be an org.elasticsearch.client.RestClient, got " + client.getClass().getName());
            }
            return new ClientSettings((RestClient) client, List.of(), null, null, config.property(clientKey));
        }
        String protocol = config.string(PROTOCOL, "http").trim().toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new ConfigurationException(config.property(PROTOCOL),
                    config.property(PROTOCOL) + " must be http or https, got '" + protocol + "'");
        }
        String username = config.string(USERNAME, null);
        String password = config.string(PASSWORD, null);
        if ((username == null) != (password == null)) {
            String missing = username == null ? USERNAME : PASSWORD;
            throw new ConfigurationException(config.property(missing), "backend '" + config.backendName()
                    + "' sets only one of username and password; set " + config.property(missing) + " too");
        }
        return new ClientSettings(null, parseHosts(config, protocol), username, password, config.property(HOSTS));
    }

    /**
     * Where the backend connects, for connection errors: the hosts and the property that sets them, or the
     * handed-over client.
     */
    String target() {
        if (borrowed != null) {
            List<String> nodes = new ArrayList<>();
            borrowed.getNodes().forEach(node -> nodes.add(node.getHost().toURI()));
            // The integration's hand-over key is no user setting: name what sets that client instead.
            String source = hostsProperty.endsWith("." + BackendConfig.CLIENT_OBJECT)
                    ? "the application's RestClient, set by quarkus.elasticsearch.hosts"
                    : "the RestClient passed as " + hostsProperty;
            return String.join(",", nodes) + " (" + source + ")";
        }
        List<String> uris = new ArrayList<>();
        hosts.forEach(host -> uris.add(host.toURI()));
        return String.join(",", uris) + " (" + hostsProperty + ")";
    }

    /** Whether the client is handed over by the caller (and must be left open). */
    boolean borrowsClient() {
        return borrowed != null;
    }

    /** The borrowed client, or a new one for the configured hosts. */
    RestClient client() {
        if (borrowed != null) {
            return borrowed;
        }
        RestClientBuilder builder = RestClient.builder(hosts.toArray(new HttpHost[0]));
        if (username != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    private static List<HttpHost> parseHosts(BackendConfig config, String protocol) {
        Object raw = config.object(HOSTS);
        List<String> entries = new ArrayList<>();
        if (raw instanceof Collection) {
            for (Object entry : (Collection<?>) raw) {
                entries.add(String.valueOf(entry));
            }
        } else {
            for (String entry : (raw == null ? DEFAULT_HOSTS : String.valueOf(raw)).split(",")) {
                entries.add(entry);
            }
        }
        List<HttpHost> hosts = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                hosts.add(parseHost(config, protocol, trimmed));
            }
        }
        if (hosts.isEmpty()) {
            throw new ConfigurationException(config.property(HOSTS),
                    config.property(HOSTS) + " names no host; use host:port[,host:port...]");
        }
        return List.copyOf(hosts);
    }

    private static HttpHost parseHost(BackendConfig config, String protocol, String entry) {
        try {
            URI uri = new URI(protocol + "://" + entry);
            if (uri.getHost() == null || uri.getUserInfo() != null || (uri.getPath() != null && !uri.getPath().isEmpty())
                    || uri.getQuery() != null) {
                throw new URISyntaxException(entry, "expected host:port");
            }
            String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            return new HttpHost(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), protocol);
        } catch (URISyntaxException e) {
            // An entry with user info may carry a password: never echo that part.
            String shown = entry.contains("@") ? "***" + entry.substring(entry.lastIndexOf('@')) : entry;
            throw new ConfigurationException(config.property(HOSTS), "invalid entry '" + shown + "' in "
                    + config.property(HOSTS) + ": use host:port[,host:port...] (the scheme comes from "
                    + config.property(PROTOCOL) + ")");
        }
    }
}
