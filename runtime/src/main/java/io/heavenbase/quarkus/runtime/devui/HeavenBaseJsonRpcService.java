package io.heavenbase.quarkus.runtime.devui;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import io.heavenbase.quarkus.runtime.BackendStatuses;

/** Dev UI calls: the live state of every backend (dev mode only). */
public class HeavenBaseJsonRpcService {

    private final ExecutorService pings = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "heavenbase-devui");
        thread.setDaemon(true);
        return thread;
    });

    /** Every backend with its state: {@code UP}, {@code DOWN}, {@code INACTIVE} or {@code EXCLUDED}. */
    public List<BackendStatuses.Status> getBackendStatuses() {
        return new BackendStatuses(pings).check();
    }

    @PreDestroy
    void stop() {
        pings.shutdownNow();
    }
}
