package io.heavenbase.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a server it needs is not there: it is skipped with the reason (which lands in the
 * surefire report), or fails when services are required ({@code CI=true} or
 * {@code HEAVENBASE_REQUIRE_SERVICES=true}).
 */
public final class TestServices {

    private TestServices() {
    }

    /** Whether a missing service fails the tests instead of skipping them. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
    }

    /** Skips the calling test with {@code reason}, or fails it when services are required; never returns. */
    public static void unavailable(String reason) {
        if (required()) {
            throw new AssertionError(reason + " (services are required: CI or HEAVENBASE_REQUIRE_SERVICES is true)");
        }
        System.err.println("SKIPPING: " + reason);
        Assumptions.abort(reason);
    }
}
