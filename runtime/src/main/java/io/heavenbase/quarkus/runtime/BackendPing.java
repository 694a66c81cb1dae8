package io.heavenbase.quarkus.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.heavenbase.BackendHealth;

/**
 * One ping of one backend running on a pool thread. The health check waits on it for at most its timeout; a ping
 * still running after that is interrupted (ending pings that honour interrupts) and is waited on again by the next
 * check instead of being started a second time.
 */
final class BackendPing {

    private final CompletableFuture<BackendHealth> result = new CompletableFuture<>();
    private Thread runner;

    private BackendPing() {
    }

    /** Starts {@code probe} on {@code threads}. */
    static BackendPing start(Executor threads, Supplier<BackendHealth> probe) {
        BackendPing ping = new BackendPing();
        threads.execute(() -> ping.run(probe));
        return ping;
    }

    /** Completes with the backend's health, or exceptionally when the backend could not even be opened. */
    CompletableFuture<BackendHealth> result() {
        return result;
    }

    /** Whether the ping has returned; until then its thread is busy with it. */
    boolean finished() {
        return result.isDone();
    }

    /** Interrupts the ping's thread if it is still in this ping. */
    synchronized void interrupt() {
        if (runner != null) {
            runner.interrupt();
        }
    }

    private void run(Supplier<BackendHealth> probe) {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            result.complete(probe.get());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        } finally {
            synchronized (this) {
                runner = null;
            }
            // An interrupt aimed at this ping must not reach the next task of the pooled thread.
            Thread.interrupted();
        }
    }
}
