package io.heavenbase.backend.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class TwoProcessesTest {

    static final List<String> TYPES = FileBackends.TYPES;
    private static final int ROWS = 60;
    private static final int BATCH = 3;

    @TempDir
    Path directory;

    @ParameterizedTest
    @FieldSource("TYPES")
    void twoProcessesWritingDisjointIdsConcurrentlyLoseNothing(String type) throws Exception {
        EntityLayout layout = FileBackends.versioned();
        try (Backend observer = FileBackends.open(type, directory)) {
            observer.ensure(layout);
            assertThat(observer.count(layout)).isZero();

            try (ChildJvm first = ChildJvm.start("batches", type, directory.toString(), "first-", String.valueOf(ROWS),
                    String.valueOf(BATCH));
                    ChildJvm second = ChildJvm.start("batches", type, directory.toString(), "second-",
                            String.valueOf(ROWS), String.valueOf(BATCH))) {
                assertThat(first.waitFor(60)).isZero();
                assertThat(second.waitFor(60)).isZero();
            }

            Set<String> expected = new HashSet<>();
            for (int i = 0; i < ROWS; i++) {
                expected.add("first-" + i);
                expected.add("second-" + i);
            }
            assertThat(observer.ids(layout)).containsExactlyInAnyOrderElementsOf(expected);
            observer.refresh();
            assertThat(observer.ids(layout)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
