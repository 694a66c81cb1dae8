package io.heavenbase.backend.dialects;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Measures a Trino test class's wall time for the {@code [trino]} lines of the build log. */
public final class TrinoTiming implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrinoTiming.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("started", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long started = context.getStore(NAMESPACE).get("started", Long.class);
        TrinoTestServer.recordTests(context.getRequiredTestClass().getSimpleName(), (System.nanoTime() - started) / 1e9);
    }
}
