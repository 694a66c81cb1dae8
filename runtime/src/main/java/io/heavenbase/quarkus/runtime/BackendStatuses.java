package io.heavenbase.quarkus.runtime;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.inject.Any;

import org.eclipse.microprofile.config.ConfigProvider;

import io.heavenbase.BackendHealth;
import io.heavenbase.HeavenBaseException;
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
 *
 * <p>
 * A ping that outlives the timeout is not started again while it runs: the next check waits on the same ping, so a
 * server that never answers (a dropped network, a driver that ignores interrupts) holds one thread, not one per
 * probe.
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
    private final ConcurrentMap<String, BackendPing> running = new ConcurrentHashMap<>();

    /**
     * @param pings runs the pings; a ping that ignores interrupts keeps its thread until the backend answers, and no
     *        second ping of that backend starts meanwhile
     */
    public BackendStatuses(ExecutorService pings) {
        this.pings = pings;
    }

    /** The state of every backend bean, by name. */
    public List<Status> check() {
        HeavenBaseRuntimeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(HeavenBaseRuntimeConfig.class);
        Duration timeout = config.health().timeout();
        Map<String, Status> settled = new TreeMap<>();
        Map<String, BackendPing> probes = new TreeMap<>();
        for (InstanceHandle<Backend> handle : Arc.container().select(Backend.class, Any.Literal.INSTANCE).handles()) {
            String name = nameOf(handle);
            if (config.backends().get(name).healthExclude()) {
                settled.put(name, new Status(name, null, State.EXCLUDED,
                        "excluded (heavenbase.backends." + name + ".health-exclude)", -1));
                continue;
            }
            ActiveResult active = handle.getBean().checkActive();
            if (active.value()) {
                probes.put(name, running.compute(name, (n, previous) -> previous != null && !previous.finished()
                        ? previous
                        : BackendPing.start(pings, () -> HealthProbe.probe(handle.get()))));
            } else {
                settled.put(name, new Status(name, null, State.INACTIVE, "inactive: " + active.inactiveReason(), -1));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, BackendPing> probe : probes.entrySet()) {
            BackendPing ping = probe.getValue();
            Status status = outcome(probe.getKey(), ping.result(), deadline, timeout);
            if (ping.finished()) {
                running.remove(probe.getKey(), ping);
            } else {
                ping.interrupt();
            }
            settled.put(probe.getKey(), status);
        }
        return new ArrayList<>(settled.values());
    }

    private static Status outcome(String name, Future<BackendHealth> probe, long deadline, Duration timeout) {
        try {
            BackendHealth health = probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return health.up() ? new Status(name, health.type(), State.UP, health.message(), health.latencyMillis())
                    : new Status(name, health.type(), State.DOWN, DataSourceTargets.describe(name, health.message()),
                            health.latencyMillis());
        } catch (TimeoutException e) {
            return new Status(name, null, State.DOWN,
                    "no answer within " + timeout.toMillis() + " ms (heavenbase.health.timeout)", -1);
        } catch (ExecutionException e) {
            // The backend could not be opened; its configuration error names the property and holds no secret.
            Throwable cause = heavenBaseCause(e.getCause());
            return new Status(name, null, State.DOWN,
                    DataSourceTargets.describe(name, cause.getClass().getSimpleName() + ": " + cause.getMessage()), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(name, null, State.DOWN, "check interrupted", -1);
        }
    }

    /** The HeavenBase exception under the container's wrapping, which names backend and property; else the cause. */
    private static Throwable heavenBaseCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HeavenBaseException) {
                return cause;
            }
        }
        return failure;
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
