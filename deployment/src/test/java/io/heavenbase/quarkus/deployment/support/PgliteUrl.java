package io.heavenbase.quarkus.deployment.support;

import io.heavenbase.testsupport.NpmTestServers;

/**
 * The JDBC URL of the PGlite server (PostgreSQL with pgvector) the tests start, for a QuarkusUnitTest's
 * configuration. A QuarkusUnitTest class is initialised twice (JUnit's copy, then the application's, which cannot
 * load the test-support classes), so the first copy starts the server and keeps its URL in a system property.
 */
public final class PgliteUrl {

    private static final String PROPERTY = "heavenbase.test.pglite.url";

    private PgliteUrl() {
    }

    /** The URL; starts the server the first time. */
    public static String get() {
        synchronized (System.getProperties()) {
            String url = System.getProperty(PROPERTY);
            if (url == null) {
                url = NpmTestServers.pgliteUrl();
                System.setProperty(PROPERTY, url);
            }
            return url;
        }
    }
}
