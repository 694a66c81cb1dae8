package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.SqlBackend;

/**
 * Every {@link MysqlTypesTest} case again with the SQL written for a server whose binary collation pads
 * ({@code utf8mb4_bin}, as on OceanBase), on MariaDB: hostile text with trailing spaces is still found
 * only by exact equality.
 */
class OceanBasePadCollationTypesTest extends MysqlTypesTest {

    @Override
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.openPadCollation(prefix);
    }

    /** A documented limit of the padding collation (docs/mysql-backend.md). */
    @Override
    protected String trailingSpaceIdsCollide() {
        return "utf8mb4_bin pads, so object ids differing only by trailing spaces collide in the primary key";
    }
}
