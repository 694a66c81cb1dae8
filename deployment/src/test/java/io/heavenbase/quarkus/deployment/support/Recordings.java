package io.heavenbase.quarkus.deployment.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the recording backends of the tests received and how they answer pings, by backend name. Lives in the
 * application's class loader, so the test methods read what the beans recorded.
 */
public final class Recordings {

    /** How a recording backend answers {@code ping()}. */
    public enum Ping {
        UP,
        FAIL,
        HANG
    }

    private static final Map<String, List<Map<String, Object>>> OPENED = new ConcurrentHashMap<>();
    private static final Map<String, Ping> PINGS = new ConcurrentHashMap<>();

    private Recordings() {
    }

    static void opened(String name, Map<String, Object> config) {
        OPENED.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(config);
    }

    /** The configuration maps the backend of that name was opened with, one per open. */
    public static List<Map<String, Object>> opened(String name) {
        return OPENED.getOrDefault(name, List.of());
    }

    public static void ping(String name, Ping ping) {
        PINGS.put(name, ping);
    }

    static Ping ping(String name) {
        return PINGS.getOrDefault(name, Ping.UP);
    }
}
