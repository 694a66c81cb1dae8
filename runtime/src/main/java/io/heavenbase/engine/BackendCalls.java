package io.heavenbase.engine;

import io.heavenbase.BackendException;
import io.heavenbase.spi.Backend;
import java.util.function.Supplier;

/** Runs one backend call, turning driver failures into a {@link BackendException} naming backend and operation. */
final class BackendCalls {

    private BackendCalls() {
    }

    static <T> T call(Backend backend, String operation, Supplier<T> call) {
        return BackendException.wrap(backend.name(), operation, call);
    }

    static void run(Backend backend, String operation, Runnable call) {
        call(backend, operation, () -> {
            call.run();
            return null;
        });
    }
}
