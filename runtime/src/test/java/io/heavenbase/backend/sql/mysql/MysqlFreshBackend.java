package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.backend.sql.SqlBackend;
import java.util.function.Function;

/** A mysql backend on the test server under a fresh table prefix; closing it also drops its tables. */
record MysqlFreshBackend(String prefix, SqlBackend backend) implements OpenedBackend {

    /** Opens {@code create}'s backend under a fresh prefix. */
    static MysqlFreshBackend open(Function<String, SqlBackend> create) {
        String prefix = MysqlTestServer.freshPrefix();
        return new MysqlFreshBackend(prefix, create.apply(prefix));
    }

    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            MysqlTestServer.dropTables(prefix);
        }
    }
}
