package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A mysql backend on the test server under a fresh prefix, closed and its tables dropped after each test. */
abstract class MysqlBackendTestBase {

    protected String prefix;
    protected SqlBackend backend;

    @BeforeEach
    void openBackend() {
        prefix = MysqlTestServer.freshPrefix();
        backend = createBackend(prefix);
    }

    /** The backend under test, its tables under {@code prefix}. */
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.open(prefix);
    }

    @AfterEach
    void closeBackend() {
        try {
            if (backend != null) {
                backend.close();
            }
        } finally {
            MysqlTestServer.dropTables(prefix);
        }
    }

    /** The ids a fragment selects, in result order. */
    protected List<String> ids(EntityLayout layout, Fragment fragment) {
        return backend.execute(layout, fragment).stream().map(Hit::objectId).toList();
    }
}
