package io.heavenbase.backend.pinecone;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.ConnectionFacts;
import java.util.Set;

/**
 * The {@code pinecone} backend: a Pinecone dense index through its REST API
 * ({@code java.net.http} and Jackson, no extra dependency). Configuration keys: {@code api-key},
 * {@code index} (required), {@code cloud} and {@code region} (create a missing serverless index),
 * {@code host} (the index's data-plane URL; looked up through the control plane when absent),
 * {@code api-url} (the control plane, default {@code https://api.pinecone.io}), {@code metric}
 * (of a created index, or of the index at {@code host}) and {@code prefix} (of namespaces).
 */
public final class PineconeProvider implements BackendProvider {

    public static final String TYPE = "pinecone";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CapabilityTable capabilities() {
        return PineconeCapabilities.TABLE;
    }

    @Override
    public Set<String> configKeys() {
        return PineconeSettings.KEYS;
    }

    /** A Pinecone index is reached with its {@code api-key}; Dev Services start nothing for it. */
    @Override
    public ConnectionFacts connection() {
        return ConnectionFacts.server("api-key");
    }

    @Override
    public Backend open(BackendConfig config) {
        return new PineconeBackend(PineconeSettings.from(config));
    }
}
