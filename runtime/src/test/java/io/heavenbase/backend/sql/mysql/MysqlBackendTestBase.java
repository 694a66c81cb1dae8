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
    private MysqlFreshBackend opened;

    @BeforeEach
    void openBackend() {
        opened = MysqlFreshBackend.open(this::createBackend);
        prefix = opened.prefix();
        backend = opened.backend();
    }

    /** The backend under test, its tables under {@code prefix}. */
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.open(prefix);
    }

    @AfterEach
    void closeBackend() {
        if (opened != null) {
            opened.close();
        }
    }

    /** The ids a fragment selects, in result order. */
    protected List<String> ids(EntityLayout layout, Fragment fragment) {
        return backend.execute(layout, fragment).stream().map(Hit::objectId).toList();
    }
}
