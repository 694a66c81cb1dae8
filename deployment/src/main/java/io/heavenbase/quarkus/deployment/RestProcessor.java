package io.heavenbase.quarkus.deployment;

import jakarta.ws.rs.Priorities;

import io.heavenbase.BackendException;
import io.heavenbase.ValidationException;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.resteasy.reactive.spi.ExceptionMapperBuildItem;

/**
 * Answers HeavenBase exceptions that reach a Quarkus REST endpoint with problem responses (400 for invalid input,
 * 503 for a failing backend), when {@code quarkus-rest} is present and {@code heavenbase.rest.problem-responses}
 * is true.
 */
class RestProcessor {

    /** Below the default priority of application mappers, so that an application's own mapper wins. */
    private static final int PRIORITY = Priorities.USER + 100;

    /** By name: the mappers need the Jakarta REST API, which only a REST extension brings. */
    private static final String VALIDATION_MAPPER = "io.heavenbase.quarkus.runtime.rest.ValidationProblemMapper";
    private static final String BACKEND_MAPPER = "io.heavenbase.quarkus.runtime.rest.BackendDownProblemMapper";

    @BuildStep
    void problemResponses(Capabilities capabilities, HeavenBaseBuildTimeConfig config,
            BuildProducer<ExceptionMapperBuildItem> mappers) {
        if (!capabilities.isPresent(Capability.REST) || !config.rest().problemResponses()) {
            return;
        }
        mappers.produce(new ExceptionMapperBuildItem(VALIDATION_MAPPER, ValidationException.class.getName(),
                PRIORITY, false));
        mappers.produce(new ExceptionMapperBuildItem(BACKEND_MAPPER, BackendException.class.getName(),
                PRIORITY, false));
    }
}
