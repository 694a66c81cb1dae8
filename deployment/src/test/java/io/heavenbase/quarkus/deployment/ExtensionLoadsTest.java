package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Boots an empty Quarkus application with the HeavenBase extension on the class path and no {@code heavenbase.*}
 * configuration: the {@code heavenbase} feature appears in the "Installed features" startup log line and the
 * workspace is inactive, saying which property to set.
 */
class ExtensionLoadsTest {

    @RegisterExtension
    static final QuarkusUnitTest unitTest = new QuarkusUnitTest()
            .setArchiveProducer(() -> ShrinkWrap.create(JavaArchive.class))
            .setLogRecordPredicate(record -> record.getMessage() != null
                    && record.getMessage().contains("Installed features"))
            .assertLogRecords(ExtensionLoadsTest::assertFeatureInstalled);

    @Test
    void applicationStarts() {
        assertThat(Arc.container()).isNotNull();
        assertThat(Arc.container().isRunning()).isTrue();
    }

    @Test
    void workspaceWithoutBackendsIsInactiveAndNamesTheProperty() {
        assertThatThrownBy(() -> Arc.container().instance(Workspace.class).get().id())
                .isInstanceOf(InactiveBeanException.class)
                .hasMessageContaining("heavenbase.preset");
    }

    /** Runs after all tests, against the log records captured during startup. */
    private static void assertFeatureInstalled(List<LogRecord> records) {
        String messages = records.stream()
                .map(ExtensionLoadsTest::format)
                .collect(Collectors.joining("\n"));
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
