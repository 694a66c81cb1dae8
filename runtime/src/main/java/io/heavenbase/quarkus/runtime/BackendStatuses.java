package io.heavenbase.quarkus.runtime;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.inject.Any;

import org.eclipse.microprofile.config.ConfigProvider;

import io.heavenbase.BackendHealth;
import io.heavenbase.engine.HealthProbe;
import io.heavenbase.spi.Backend;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.config.SmallRyeConfig;

/**
 * The state of every backend bean: pinged in parallel, each bounded by {@code heavenbase.health.timeout};
 * excluded ({@code health-exclude}) and inactive backends are reported as such without being touched. Used by the
 * readiness check and the Dev UI.
 */
public final class BackendStatuses {

    /** What a check found for one backend. */
    public enum State {
        UP,
        DOWN,
        EXCLUDED,
        INACTIVE
    }

    /**
     * One backend's state; {@code detail} is {@code UP}, the reason it is down, inactive or excluded.
     *
     * @param latencyMillis the ping's round trip, or -1 when it was not pinged or gave no answer
     */
    public record Status(String name, String type, State state, String detail, long latencyMillis) {
    }

    private final ExecutorService pings;

    /** @param pings runs the pings; a hanging ping keeps its thread until the backend answers */
    public BackendStatuses(ExecutorService pings) {
        this.pings = pings;
    }

    /** The state of every backend bean, by name. */
    public List<Status> check() {
        HeavenBaseRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(HeavenBaseRuntimeConfig.class);
        Duration timeout = config.health().timeout();
        Map<String, Status> settled = new TreeMap<>();
        Map<String, Future<BackendHealth>> probes = new TreeMap<>();
        for (InstanceHandle<Backend> handle : Arc.container().select(Backend.class, Any.Literal.INSTANCE).handles()) {
            String name = nameOf(handle);
            if (config.backends().get(name).healthExclude()) {
                settled.put(name, new Status(name, null, State.EXCLUDED,
                        "excluded (heavenbase.backends." + name + ".health-exclude)", -1));
                continue;
            }
            ActiveResult active = handle.getBean().checkActive();
            if (active.value()) {
                probes.put(name, pings.submit(() -> HealthProbe.probe(handle.get())));
            } else {
                settled.put(name, new Status(name, null, State.INACTIVE, "inactive: " + active.inactiveReason(), -1));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Future<BackendHealth>> probe : probes.entrySet()) {
            settled.put(probe.getKey(), outcome(probe.getKey(), probe.getValue(), deadline, timeout));
        }
        return new ArrayList<>(settled.values());
    }

    private static Status outcome(String name, Future<BackendHealth> probe, long deadline, Duration timeout) {
        try {
            BackendHealth health = probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Status(name, health.type(), health.up() ? State.UP : State.DOWN, health.message(),
                    health.latencyMillis());
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new Status(name, null, State.DOWN,
                    "no answer within " + timeout.toMillis() + " ms (heavenbase.health.timeout)", -1);
        } catch (ExecutionException e) {
            // The backend could not be opened; its configuration error names the property and holds no secret.
            Throwable cause = e.getCause();
            return new Status(name, null, State.DOWN, cause.getClass().getSimpleName() + ": " + cause.getMessage(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(name, null, State.DOWN, "check interrupted", -1);
        }
    }

    private static String nameOf(InstanceHandle<Backend> handle) {
        for (Annotation qualifier : handle.getBean().getQualifiers()) {
            if (qualifier instanceof Identifier identifier) {
                return identifier.value();
            }
        }
        return handle.getBean().getIdentifier();
    }
}
