package io.heavenbase;

/** The state of one backend: name, provider type, up or down, round-trip latency and a message. */
public record BackendHealth(String name, String type, boolean up, long latencyMillis, String message) {
}
