package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.SqlBackend;

/**
 * Every {@link MysqlFilterTest} case again with the SQL written for a server whose binary collation
 * pads ({@code utf8mb4_bin}, as on OceanBase): the tables are created in {@code utf8mb4_bin} on
 * MariaDB and text compares through {@code CAST(... AS BINARY)}, so {@code 'a'} and {@code 'a '}
 * still differ and order stays by code point.
 */
class OceanBasePadCollationFilterTest extends MysqlFilterTest {

    @Override
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.openPadCollation(prefix);
    }
}
