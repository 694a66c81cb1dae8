package io.heavenbase.backend.dialects;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code -D}{@value #PROPERTY}{@code =true}: after each test, the Trino queries it ran, read from
 * Trino's {@code system.runtime.queries} (the server keeps them for {@link TrinoProcess}'s
 * {@code query.min-expire-age}), printed as count and server time per kind of statement; after the
 * class, the totals and the costliest statement shapes. Tells where a conformance case's time goes.
 */
public final class TrinoQueryLog implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final String PROPERTY = "hb.trino.profile";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrinoQueryLog.class);
    private static final String QUERIES = "SELECT query, queued_time_ms, analysis_time_ms, planning_time_ms, created, "
            + "\"end\" FROM system.runtime.queries WHERE created >= from_unixtime(%d / 1000e0) AND query NOT LIKE "
            + "'%%system.runtime.queries%%'";

    private final Map<String, Cost> classKinds = new LinkedHashMap<>();
    private final Map<String, Cost> classShapes = new LinkedHashMap<>();
    private long classWallNanos;
    private int cases;

    /** Count and milliseconds of server time (created to end), with the queued, analysis and planning parts. */
    static final class Cost {
        int count;
        long total;
        long queued;
        long analysis;
        long planning;

        void add(long totalMillis, long queuedMillis, long analysisMillis, long planningMillis) {
            count++;
            total += totalMillis;
            queued += queuedMillis;
            analysis += analysisMillis;
            planning += planningMillis;
        }

        void add(Cost other) {
            count += other.count;
            total += other.total;
            queued += other.queued;
            analysis += other.analysis;
            planning += other.planning;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d q %d ms (queued %d, analysis %d, planning %d)", count, total, queued,
                    analysis, planning);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (Boolean.getBoolean(PROPERTY)) {
            context.getStore(NAMESPACE).put("started", System.currentTimeMillis());
            context.getStore(NAMESPACE).put("startedNanos", System.nanoTime());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long wall = System.nanoTime() - context.getStore(NAMESPACE).get("startedNanos", Long.class);
        Map<String, Cost> kinds = new LinkedHashMap<>();
        Cost all = new Cost();
        for (Query query : queriesSince(context.getStore(NAMESPACE).get("started", Long.class) - 5)) {
            long total = query.end == null ? 0 : query.end.getTime() - query.created.getTime();
            kinds.computeIfAbsent(kind(query.sql), key -> new Cost()).add(total, query.queued, query.analysis,
                    query.planning);
            classShapes.computeIfAbsent(shape(query.sql), key -> new Cost()).add(total, query.queued, query.analysis,
                    query.planning);
            all.add(total, query.queued, query.analysis, query.planning);
        }
        kinds.forEach((kind, cost) -> classKinds.computeIfAbsent(kind, key -> new Cost()).add(cost));
        classWallNanos += wall;
        cases++;
        System.out.printf(Locale.ROOT, "[trino-profile] %s: wall %d ms, server %s; %s%n",
                context.getRequiredTestMethod().getName(), wall / 1_000_000, all, kinds);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!Boolean.getBoolean(PROPERTY) || cases == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "[trino-profile] %s: %d cases, wall %d ms (%d ms per case)%n",
                context.getRequiredTestClass().getSimpleName(), cases, classWallNanos / 1_000_000,
                classWallNanos / 1_000_000 / cases);
        classKinds.entrySet().stream().sorted(Comparator.comparingLong(entry -> -entry.getValue().total))
                .forEach(entry -> System.out.printf(Locale.ROOT, "[trino-profile]   kind %-22s %s%n", entry.getKey(),
                        entry.getValue()));
        classShapes.entrySet().stream().sorted(Comparator.comparingLong(entry -> -entry.getValue().total)).limit(25)
                .forEach(entry -> System.out.printf(Locale.ROOT, "[trino-profile]   shape %s%n     %s%n",
                        entry.getValue(), entry.getKey()));
    }

    private record Query(String sql, long queued, long analysis, long planning, Timestamp created, Timestamp end) {
    }

    private static List<Query> queriesSince(long millis) throws SQLException {
        TrinoTestServer.Endpoint server = TrinoTestServer.endpoint();
        Properties properties = new Properties();
        properties.setProperty("user", server.username());
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        List<Query> out = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection(server.url(), properties);
                Statement statement = jdbc.createStatement()) {
            try (ResultSet rows = statement.executeQuery(String.format(Locale.ROOT, QUERIES, millis))) {
                while (rows.next()) {
                    out.add(new Query(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getTimestamp(5), rows.getTimestamp(6)));
                }
            }
        }
        return out;
    }

    /** The statement as the backend wrote it: trino-jdbc sends a prepared statement as EXECUTE IMMEDIATE '...'. */
    private static String unwrapped(String sql) {
        String text = sql.strip();
        if (text.regionMatches(true, 0, "EXECUTE IMMEDIATE", 0, 17)) {
            int open = text.indexOf('\'');
            int close = text.lastIndexOf('\'');
            if (open >= 0 && close > open) {
                return text.substring(open + 1, close).replace("''", "'");
            }
        }
        return text;
    }

    /** Statement keyword plus what it touches: a system table, metadata, or the entity's tables. */
    static String kind(String sql) {
        String text = unwrapped(sql);
        String lower = text.toLowerCase(Locale.ROOT);
        String keyword = lower.split("\\s+", 2)[0];
        String target;
        if (lower.contains("system.jdbc") || lower.contains("information_schema")) {
            target = "metadata";
        } else if (lower.contains("sys_journal")) {
            target = "journal";
        } else if (lower.contains("sys_metaschema")) {
            target = "metaschema";
        } else if (lower.contains("sys_")) {
            target = "system";
        } else {
            target = "entity";
        }
        return keyword + " " + target;
    }

    /** The statement with names, numbers and literals blanked, so repeats of one shape add up. */
    static String shape(String sql) {
        String text = unwrapped(sql).replaceAll("hbt_[0-9a-f]{8}_", "P_").replaceAll("'[^']*'", "'…'")
                .replaceAll("\\b\\d+\\b", "N").replaceAll("(\\?, )+\\?", "?…").replaceAll("(\\(\\?…\\), )+", "")
                .replaceAll("\\s+", " ");
        return text.length() > 220 ? text.substring(0, 220) + "…" : text;
    }
}
