package io.heavenbase.backend.pinecone;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.ConfigKey;
import io.heavenbase.spi.ConnectionFacts;
import io.heavenbase.spi.support.ProviderBase;
import java.util.List;

/**
 * The {@code pinecone} backend: a Pinecone dense index through its REST API
 * ({@code java.net.http} and Jackson, no extra dependency). Configuration keys: {@code api-key},
 * {@code index} (required), {@code cloud} and {@code region} (create a missing serverless index),
 * {@code host} (the index's data-plane URL; looked up through the control plane when absent),
 * {@code api-url} (the control plane, default {@code https://api.pinecone.io}), {@code metric}
 * (of a created index, or of the index at {@code host}) and {@code prefix} (of namespaces).
 */
public final class PineconeProvider extends ProviderBase {

    public static final String TYPE = "pinecone";

    /** The provider {@link java.util.ServiceLoader} finds. */
    public PineconeProvider() {
        super(TYPE, PineconeCapabilities.TABLE, PineconeSettings.KEYS);
    }

    /** A Pinecone index is reached with its {@code api-key}; Dev Services start nothing for it. */
    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("api-key");
    }

    @Override
    public List<ConfigKey> keyDescriptions() {
        return List.of(ConfigKey.secret(PineconeSettings.API_KEY, "API key; never printed in messages."),
                ConfigKey.text(PineconeSettings.INDEX, "The index name."),
                ConfigKey.text(PineconeSettings.CLOUD, "Cloud of a serverless index it creates, e.g. aws."),
                ConfigKey.text(PineconeSettings.REGION, "Region of a serverless index it creates, e.g. us-east-1."),
                ConfigKey.text(PineconeSettings.HOST, "Data-plane URL; looked up with the control plane when not set."),
                ConfigKey.text(PineconeSettings.API_URL, PineconeSettings.DEFAULT_API_URL, "Control-plane URL."),
                ConfigKey.text(PineconeSettings.METRIC, "cosine", "Metric of an index it creates: cosine, dot or l2."));
    }

    @Override
    public Backend open(BackendConfig config) {
        return new PineconeBackend(PineconeSettings.from(config));
    }
}
