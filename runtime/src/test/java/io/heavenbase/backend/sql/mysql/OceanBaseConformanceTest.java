package io.heavenbase.backend.sql.mysql;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/**
 * The conformance suite on one oceanbase backend. There is no OceanBase server here: it runs
 * against MariaDB, the closest MySQL-protocol server available, on a handed-over DataSource.
 */
class OceanBaseConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return MysqlConformanceLayouts.aloneByDataSource("oceanbase");
    }
}
