package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Two backend instances (as two workspaces would open them) sharing one directory. */
class SharedDirectoryTest {

    static final List<String> TYPES = FileBackends.TYPES;
    private static final EntityLayout LAYOUT = new EntityLayout("note", List.of(field("title", "ShortText"),
            field("rank", "Integer")));

    @TempDir
    Path directory;

    private final List<Backend> opened = new ArrayList<>();

    private Backend open(String type) {
        Backend backend = FileBackends.open(type, directory);
        opened.add(backend);
        return backend;
    }

    @BeforeEach
    @AfterEach
    void closeAll() {
        opened.forEach(Backend::close);
        opened.clear();
    }

    private static Object title(Backend backend, String id) {
        Map<String, Object> row = backend.fetch(LAYOUT, List.of(id), List.of("title")).get(id);
        return row == null ? null : row.get("title");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void aChangeByOneInstanceIsSeenByTheOtherOnItsNextReadWithoutRefresh(String type) {
        Backend first = open(type);
        Backend second = open(type);
        first.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "v1")));
        assertThat(title(second, "a")).isEqualTo("v1");

        first.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "v2")));
        first.upsert(LAYOUT, List.of(Map.of("object_id", "b", "title", "v1")));

        assertThat(title(second, "a")).isEqualTo("v2");
        assertThat(second.ids(LAYOUT)).containsExactlyInAnyOrder("a", "b");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void refreshMakesAnInstanceSeeTheOthersWrites(String type) {
        Backend first = open(type);
        Backend second = open(type);
        assertThat(second.count(LAYOUT)).isZero();
        first.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "v1")));

        second.refresh();

        assertThat(title(second, "a")).isEqualTo("v1");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void aDeleteByOneInstanceIsSeenByTheOther(String type) {
        Backend first = open(type);
        Backend second = open(type);
        first.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "v1"), Map.of("object_id", "b", "title", "v1")));
        assertThat(second.count(LAYOUT)).isEqualTo(2);

        first.delete(LAYOUT, List.of("a"));

        assertThat(second.ids(LAYOUT)).containsExactly("b");
        assertThat(title(second, "a")).isNull();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void alternatingWritesOfTwoInstancesLoseNoRow(String type) {
        Backend first = open(type);
        Backend second = open(type);
        first.count(LAYOUT);
        second.count(LAYOUT);

        for (int i = 0; i < 20; i++) {
            first.upsert(LAYOUT, List.of(Map.of("object_id", "first-" + i, "rank", (long) i)));
            second.upsert(LAYOUT, List.of(Map.of("object_id", "second-" + i, "rank", (long) i)));
        }

        assertThat(first.count(LAYOUT)).isEqualTo(40);
        assertThat(second.count(LAYOUT)).isEqualTo(40);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void concurrentWritesOfTwoInstancesInOneJvmLoseNoRow(String type) throws Exception {
        Backend first = open(type);
        Backend second = open(type);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> writeRows(first, "first-"));
            Future<?> b = threads.submit(() -> writeRows(second, "second-"));
            a.get();
            b.get();
        } finally {
            threads.shutdownNow();
        }

        try (Backend fresh = FileBackends.open(type, directory)) {
            assertThat(fresh.count(LAYOUT)).isEqualTo(100);
        }
        assertThat(first.count(LAYOUT)).isEqualTo(100);
    }

    private static void writeRows(Backend backend, String prefix) {
        for (int i = 0; i < 50; i++) {
            backend.upsert(LAYOUT, List.of(Map.of("object_id", prefix + i, "rank", (long) i)));
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void fieldsOutsideAnInstancesLayoutAreKeptWhenItRewritesARow(String type) {
        Backend wide = open(type);
        Backend narrow = open(type);
        EntityLayout titleOnly = new EntityLayout("note", List.of(field("title", "ShortText")));
        wide.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "v1", "rank", 7L)));

        narrow.upsert(titleOnly, List.of(Map.of("object_id", "a", "title", "v2")));

        assertThat(wide.fetch(LAYOUT, List.of("a"), List.of("title", "rank")).get("a"))
                .containsEntry("title", "v2").containsEntry("rank", 7L);
    }
}
