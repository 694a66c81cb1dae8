package io.heavenbase.quarkus.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a backend that runs on a Quarkus datasource connects, added to the reason it is down: the backend itself
 * holds only the datasource object and cannot name the property that sets the server's address.
 */
final class DataSourceTargets {

    private static final String DEFAULT_DATASOURCE = "<default>";
    private static final Map<String, String> BY_BACKEND = new ConcurrentHashMap<>();

    private DataSourceTargets() {
    }

    /** Records that {@code backend} runs on the datasource named {@code dataSource}. */
    static void register(String backend, String dataSource) {
        BY_BACKEND.put(backend, "datasource '" + dataSource + "' (" + urlProperty(dataSource) + ")");
    }

    /** The reason a backend is down, naming its datasource and that datasource's URL property if it has one. */
    static String describe(String backend, String reason) {
        String target = BY_BACKEND.get(backend);
        return target == null || reason.contains(target) ? reason : reason + "; backend '" + backend
                + "' connects through " + target;
    }

    private static String urlProperty(String dataSource) {
        return DEFAULT_DATASOURCE.equals(dataSource) ? "quarkus.datasource.jdbc.url"
                : "quarkus.datasource.\"" + dataSource + "\".jdbc.url";
    }
}
