package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.support.RowRoundTripProbe;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * In dev mode, HeavenBase Dev Services start PostgreSQL 17 from the embedded binaries (no container runtime) for a
 * {@code postgres} backend without connection, and the application stores and reads rows there.
 */
class DevModePostgresTest {

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            // The application brings the PostgreSQL driver (dev-mode tests cannot add dependencies; the one on this
            // module's class path comes with the embedded PostgreSQL and does not count as the application's).
            .withApplicationRoot(jar -> jar.addClass(RowRoundTripProbe.class).merge(postgresDriver())
                    .addAsResource(new StringAsset("heavenbase.backends.main.type=postgres\n"),
                            "application.properties"))
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.heavenbase"));

    /** The whole PostgreSQL driver jar, to merge into the application. */
    private static JavaArchive postgresDriver() {
        try {
            File jar = new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void devServicesStartPostgreSqlAndTheApplicationUsesIt() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (messages().stream().noneMatch(m -> m.startsWith(RowRoundTripProbe.STORED))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }

        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("HeavenBase Dev Services started PostgreSQL"));
        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .isEqualTo(RowRoundTripProbe.STORED + "hello on main (postgres, UP)"));
    }

    private static List<String> messages() {
        return devMode.getLogRecords().stream().map(DevModePostgresTest::format).toList();
    }

    private static String format(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }
}
