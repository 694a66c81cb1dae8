package io.heavenbase.engine;

import io.heavenbase.spi.Hit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the two legs of a hybrid query. When they rank on two different backends (text on a search engine, vectors
 * on a vector store) they run side by side, so the query waits for the slower leg rather than for both in turn;
 * otherwise one after the other, since two concurrent calls to one backend gain nothing and some backends hold one
 * connection. The calling thread runs the text leg and always waits for the vector leg to end, even when its own
 * leg fails or it is interrupted: the vector leg reads under the workspace's read lock that the caller holds.
 */
final class HybridLegs {

    /** Both legs' hits, each best first. */
    record Legs(List<Hit> text, List<Hit> vector) {
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    // Daemon threads that end after a minute without work: an idle application keeps none.
    private static final ExecutorService VECTOR_LEGS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "heavenbase-hybrid-leg-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private HybridLegs() {
    }

    /** Whether the legs routed this way run side by side: each ranks natively, on its own backend. */
    static boolean sideBySide(LeafRouting.Route text, LeafRouting.Route vector) {
        return text.nativeOp() && vector.nativeOp() && !text.backend().equals(vector.backend());
    }

    static Legs run(Supplier<List<Hit>> text, Supplier<List<Hit>> vector, boolean sideBySide) {
        if (!sideBySide) {
            return new Legs(text.get(), vector.get());
        }
        Future<List<Hit>> vectorLeg = VECTOR_LEGS.submit(vector::get);
        List<Hit> textHits;
        try {
            textHits = text.get();
        } catch (RuntimeException | Error failure) {
            try {
                awaitEnd(vectorLeg);
            } catch (RuntimeException | Error alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        return new Legs(textHits, awaitEnd(vectorLeg));
    }

    /** The leg's result or its own exception, after it has ended; an interrupt is kept for the caller. */
    private static List<Hit> awaitEnd(Future<List<Hit>> leg) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return leg.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) cause;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
