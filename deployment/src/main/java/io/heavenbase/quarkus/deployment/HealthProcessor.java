package io.heavenbase.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * Publishes the readiness check {@code HeavenBase backends} when {@code quarkus-smallrye-health} is present and
 * {@code heavenbase.health.enabled} is true.
 */
class HealthProcessor {

    /** By name: the check class needs the MicroProfile Health API, which only the health extension brings. */
    private static final String CHECK_CLASS = "io.heavenbase.quarkus.runtime.health.HeavenBaseHealthCheck";

    @BuildStep
    HealthBuildItem readinessCheck(HeavenBaseBuildTimeConfig config) {
        return new HealthBuildItem(CHECK_CLASS, config.health().enabled());
    }
}
