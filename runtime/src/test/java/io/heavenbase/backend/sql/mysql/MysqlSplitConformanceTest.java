package io.heavenbase.backend.sql.mysql;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite with mysql (on a handed-over DataSource) as {@code main} beside inmem {@code vec} and {@code search}. */
class MysqlSplitConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return MysqlConformanceLayouts.mainOfSplit("mysql");
    }
}
