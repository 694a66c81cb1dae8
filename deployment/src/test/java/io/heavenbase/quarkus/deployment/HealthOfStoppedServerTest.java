package io.heavenbase.quarkus.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.Drivers;
import io.heavenbase.quarkus.deployment.support.Extensions;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded, from Maven binaries) is stopped while the application runs: the readiness
 * check turns the {@code main} (postgres) entry DOWN with a reason within {@code heavenbase.health.timeout} plus a
 * margin, the {@code vec} (inmem) entry stays {@code UP}, and the check keeps answering in time on every probe.
 */
class HealthOfStoppedServerTest {

    private static final String CHECK = "checks.find { it.name == 'HeavenBase backends' }";
    private static final long TIMEOUT_MILLIS = 2_000;
    /** Time for the HTTP round trip and the JSON on a busy two-core machine; a hanging check takes far longer. */
    private static final long MARGIN_MILLIS = 5_000;
    /** The server is shared by the JUnit copy and the application copy of this class. */
    private static final String SERVER_KEY = HealthOfStoppedServerTest.class.getName() + ".server";
    private static final String PORT_KEY = HealthOfStoppedServerTest.class.getName() + ".port";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Extensions.class).addClass(Drivers.class))
            .setForcedDependencies(Drivers.withPostgres(Extensions.quarkus("quarkus-smallrye-health")))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("heavenbase.devservices.enabled", "false")
            .overrideConfigKey("heavenbase.backends.main.type", "postgres")
            .overrideConfigKey("heavenbase.backends.vec.type", "inmem")
            .overrideRuntimeConfigKey("heavenbase.backends.main.url",
                    "jdbc:postgresql://localhost:" + serverPort() + "/postgres")
            .overrideRuntimeConfigKey("heavenbase.backends.main.username", "postgres")
            .overrideRuntimeConfigKey("heavenbase.health.timeout", TIMEOUT_MILLIS + "ms");

    /** Also removes the shared handle: code that reads every system property as a string fails on it. */
    @AfterAll
    static void stopServerIfStillRunning() {
        stopServer();
    }

    @Test
    void stoppedServerTurnsItsEntryDownWithinTheTimeoutWhileTheOtherStaysUp() {
        JsonPath before = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(before.getString(CHECK + ".status")).isEqualTo("UP");
        assertThat(before.getString(CHECK + ".data.main")).isEqualTo("UP");
        assertThat(before.getString(CHECK + ".data.vec")).isEqualTo("UP");

        stopServer();

        for (int probe = 1; probe <= 2; probe++) {
            long start = System.nanoTime();
            JsonPath after = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(after.getString(CHECK + ".status")).isEqualTo("DOWN");
            // The pooled connection or a new one fails at once on a stopped local server: the reason is the ping's
            // error, not the timeout.
            assertThat(after.getString(CHECK + ".data.main")).as("probe %d", probe)
                    .startsWith("BackendException: backend 'main' failed during ping: ");
            assertThat(after.getString(CHECK + ".data.vec")).isEqualTo("UP");
            assertThat(elapsedMillis).as("probe %d answered in %d ms", probe, elapsedMillis)
                    .isLessThan(TIMEOUT_MILLIS + MARGIN_MILLIS);
        }
    }

    /**
     * The port of the server this JVM runs for the test, starting it on first use. QuarkusUnitTest loads this
     * class twice (JUnit's and the application's class loader); the server handle lives in the system properties
     * as a JDK type so both copies see the one server.
     */
    private static int serverPort() {
        synchronized (System.getProperties()) {
            if (System.getProperties().get(SERVER_KEY) == null) {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
                    System.getProperties().put(SERVER_KEY, (Closeable) postgres);
                    System.setProperty(PORT_KEY, String.valueOf(postgres.getPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start", e);
                }
            }
            return Integer.getInteger(PORT_KEY);
        }
    }

    private static void stopServer() {
        Object server = System.getProperties().remove(SERVER_KEY);
        if (server != null) {
            try {
                ((Closeable) server).close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
            }
        }
    }
}
