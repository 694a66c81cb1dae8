package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on postgres {@code main}, pgvector {@code vec} and elasticsearch {@code search}, like the web-lts preset. */
class WebLtsLikeWithSearchConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return LtsPresetLayouts.webLtsLikeWithSearch();
    }
}
