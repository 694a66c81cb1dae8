package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.Workspace;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Boots an empty Quarkus application with the HeavenBase extension on the class path and no {@code heavenbase.*}
 * configuration: the {@code heavenbase} feature appears in the "Installed features" startup log line, and test mode
 * runs on the embedded {@code debug} preset, saying so once.
 */
class ExtensionLoadsTest {

    @RegisterExtension
    static final QuarkusUnitTest unitTest = new QuarkusUnitTest()
            .setArchiveProducer(() -> ShrinkWrap.create(JavaArchive.class))
            .setLogRecordPredicate(record -> record.getMessage() != null
                    && (record.getMessage().contains("Installed features")
                            || record.getLoggerName().startsWith("io.heavenbase")))
            .assertLogRecords(ExtensionLoadsTest::assertFeatureInstalled);

    @Test
    void applicationStarts() {
        assertThat(Arc.container()).isNotNull();
        assertThat(Arc.container().isRunning()).isTrue();
    }

    @Test
    void withoutConfigurationTestModeRunsOnTheDebugPreset() {
        Workspace workspace = Arc.container().instance(Workspace.class).get();

        assertThat(workspace.backends().names()).containsExactly("main", "vec", "search");
        assertThat(workspace.health()).extracting(health -> health.type()).containsExactly("sqlite", "inmem", "inmem");
    }

    /** Runs after all tests, against the log records captured during startup. */
    private static void assertFeatureInstalled(List<LogRecord> records) {
        String messages = records.stream()
                .map(ExtensionLoadsTest::format)
                .collect(Collectors.joining("\n"));
        assertThat(records.stream().map(ExtensionLoadsTest::format)
                .filter(m -> m.contains("runs on the embedded 'debug' preset")))
                .as("the zero-configuration notice, once")
                .singleElement().satisfies(m -> assertThat(m).contains("no heavenbase.preset and no heavenbase.backends",
                        "test mode", "a production build requires it"));
        assertThat(messages)
                .as("Installed features log line")
                .contains("Installed features")
                .containsPattern("Installed features: \\[.*\\b" + HeavenBaseProcessor.FEATURE + "\\b.*]");
    }

    private static String format(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        Object[] params = record.getParameters();
        return params == null || params.length == 0
                ? record.getMessage()
                : record.getMessage() + " " + java.util.Arrays.toString(params);
    }
}
