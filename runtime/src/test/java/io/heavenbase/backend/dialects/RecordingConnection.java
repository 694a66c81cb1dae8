package io.heavenbase.backend.dialects;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JDBC connection with no database behind it: it records every statement run (SQL text and the
 * values bound, as the driver would receive them) and answers every query with no rows, so the SQL a
 * backend generates can be checked without a server.
 */
final class RecordingConnection {

    /** One statement as sent: its SQL and its parameters in index order. */
    record Sent(String sql, List<Object> params) {
    }

    /** A parameter bound with {@code setNull}, carrying its JDBC type. */
    record Null(int sqlType) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final String schema;
    private final Connection connection;

    RecordingConnection(String schema) {
        this.schema = schema;
        this.connection = proxy(Connection.class, (self, method, args) -> {
            switch (method.getName()) {
                case "createStatement":
                    return statement();
                case "prepareStatement":
                    return prepared((String) args[0]);
                case "getMetaData":
                    return proxy(DatabaseMetaData.class, (m, call, a) -> call.getName().equals("getColumns")
                            ? emptyResult() : defaultValue(call.getReturnType()));
                case "getSchema":
                    return this.schema;
                case "getAutoCommit":
                case "isClosed":
                    return method.getName().equals("getAutoCommit");
                default:
                    return defaultValue(method.getReturnType());
            }
        });
    }

    Connection connection() {
        return connection;
    }

    /** Every statement sent so far, in order. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The SQL texts sent so far, in order. */
    List<String> sql() {
        return sent.stream().map(Sent::sql).toList();
    }

    void clear() {
        sent.clear();
    }

    private Statement statement() {
        return proxy(Statement.class, (self, method, args) -> {
            switch (method.getName()) {
                case "execute":
                case "executeUpdate":
                    sent.add(new Sent((String) args[0], List.of()));
                    return method.getReturnType() == boolean.class ? false : 0;
                case "executeQuery":
                    sent.add(new Sent((String) args[0], List.of()));
                    return emptyResult();
                default:
                    return defaultValue(method.getReturnType());
            }
        });
    }

    private PreparedStatement prepared(String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        List<Sent> batch = new ArrayList<>();
        return proxy(PreparedStatement.class, (self, method, args) -> {
            String name = method.getName();
            if (name.equals("setNull")) {
                params.put((Integer) args[0], new Null((Integer) args[1]));
                return null;
            }
            if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer) {
                params.put((Integer) args[0], args[1]);
                return null;
            }
            switch (name) {
                case "addBatch":
                    batch.add(new Sent(sql, new ArrayList<>(params.values())));
                    params.clear();
                    return null;
                case "executeBatch":
                    sent.addAll(batch);
                    int[] counts = new int[batch.size()];
                    Arrays.fill(counts, 1);
                    batch.clear();
                    return counts;
                case "execute":
                case "executeUpdate":
                    sent.add(new Sent(sql, new ArrayList<>(params.values())));
                    return method.getReturnType() == boolean.class ? false : 0;
                case "executeQuery":
                    sent.add(new Sent(sql, new ArrayList<>(params.values())));
                    return emptyResult();
                default:
                    return defaultValue(method.getReturnType());
            }
        });
    }

    private static ResultSet emptyResult() {
        return proxy(ResultSet.class, (self, method, args) -> method.getName().equals("getMetaData")
                ? proxy(ResultSetMetaData.class, (m, call, a) -> defaultValue(call.getReturnType()))
                : defaultValue(method.getReturnType()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** What an unused JDBC method returns: false, zero or null. */
    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        return null;
    }
}
