package io.heavenbase.backend.sql.mysql;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one mysql backend (MariaDB here) connecting by URL through its own pool. */
class MysqlConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return MysqlConformanceLayouts.aloneByUrl("mysql");
    }
}
