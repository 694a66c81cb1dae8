package io.heavenbase.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/**
 * Registers the {@value #FEATURE} feature, so that the extension shows up in the "Installed features" list
 * printed at startup. Configuration, entities, beans, health, Dev Services and Dev UI have their own
 * processors.
 */
class HeavenBaseProcessor {

    /** Feature name shown in the Quarkus "Installed features" startup log line. */
    static final String FEATURE = "heavenbase";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
