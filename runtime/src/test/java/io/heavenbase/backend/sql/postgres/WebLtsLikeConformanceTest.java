package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on postgres {@code main}, pgvector {@code vec} and inmem {@code search}, like the web-lts preset. */
class WebLtsLikeConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return PostgresConformanceLayouts.webLtsLike();
    }
}
