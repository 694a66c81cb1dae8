package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on postgres {@code main}, lance {@code vec} and elasticsearch {@code search}, like the local-lts preset. */
class LocalLtsLikeConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return LtsPresetLayouts.localLtsLike();
    }
}
