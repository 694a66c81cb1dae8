package io.heavenbase.backend.dialects;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;

/** One-column result rows for reading a stored value back through a type mapping. */
final class ResultSets {

    private ResultSets() {
    }

    /** A result positioned on a row whose every column holds {@code value} (read as String, boolean or bytes). */
    static ResultSet holding(Object value) {
        return (ResultSet) Proxy.newProxyInstance(ResultSets.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (self, method, args) -> {
                    switch (method.getName()) {
                        case "getString":
                        case "getBytes":
                            return value;
                        case "getBoolean":
                            return value != null && (Boolean) value;
                        case "wasNull":
                            return value == null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
