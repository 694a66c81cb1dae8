package io.heavenbase.quarkus.runtime.health;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.heavenbase.quarkus.runtime.BackendStatuses;

/**
 * The readiness check {@value #NAME}: one data entry per backend bean, {@code UP} or the reason it is down.
 * Backends are pinged in parallel, each bounded by {@code heavenbase.health.timeout}; a backend that is excluded
 * ({@code health-exclude}) or inactive is listed as such and never makes the check fail.
 */
@Readiness
@ApplicationScoped
public class HeavenBaseHealthCheck implements HealthCheck {

    /** The name of the check in {@code /q/health/ready}. */
    public static final String NAME = "HeavenBase backends";

    private final ExecutorService pings = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "heavenbase-health");
        thread.setDaemon(true);
        return thread;
    });
    private final BackendStatuses statuses = new BackendStatuses(pings);

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (BackendStatuses.Status status : statuses.check()) {
            response.withData(status.name(), status.detail());
            if (status.state() == BackendStatuses.State.DOWN) {
                response.down();
            }
        }
        return response.build();
    }

    @PreDestroy
    void stop() {
        pings.shutdownNow();
    }
}
