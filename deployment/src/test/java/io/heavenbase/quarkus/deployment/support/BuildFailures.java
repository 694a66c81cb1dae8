package io.heavenbase.quarkus.deployment.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

/** Assertions on the exception a failed Quarkus build reports. */
public final class BuildFailures {

    private BuildFailures() {
    }

    /**
     * The build or startup failed because of an exception of that type whose message contains every fragment.
     * Types are compared by name: a startup failure comes from the application's class loader.
     */
    public static Consumer<Throwable> causedBy(Class<? extends Throwable> type, String... fragments) {
        return failure -> {
            Throwable cause = failure;
            while (cause != null && !cause.getClass().getName().equals(type.getName())) {
                cause = cause.getCause();
            }
            assertThat(cause).as("cause of type %s in %s", type.getSimpleName(), failure).isNotNull();
            assertThat(cause.getMessage()).contains(fragments);
        };
    }
}
