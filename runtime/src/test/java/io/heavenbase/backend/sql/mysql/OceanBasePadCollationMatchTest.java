package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.SqlBackend;

/**
 * Every {@link MysqlMatchTest} case again with the SQL written for a server whose binary collation pads
 * ({@code utf8mb4_bin}, as on OceanBase), on MariaDB.
 */
class OceanBasePadCollationMatchTest extends MysqlMatchTest {

    @Override
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.openPadCollation(prefix);
    }
}
