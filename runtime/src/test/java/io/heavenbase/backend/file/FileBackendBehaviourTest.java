package io.heavenbase.backend.file;

import static io.heavenbase.backend.file.FileBackends.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.BackendException;
import io.heavenbase.ConfigurationException;
import io.heavenbase.ExecutionMode;
import io.heavenbase.Metric;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.capability.Ops;
import io.heavenbase.query.Expr;
import io.heavenbase.query.NearSpec;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class FileBackendBehaviourTest {

    static final List<String> TYPES = FileBackends.TYPES;
    private static final EntityLayout LAYOUT = new EntityLayout("product", List.of(field("title", "ShortText"),
            field("price", "Float"), field("emb", "Vector[2]"), field("photo", "Artifact")));

    @TempDir
    Path directory;

    private static Map<String, Object> product(String id, String title, double price, float[] emb) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", id);
        row.put("title", title);
        row.put("price", price);
        row.put("emb", emb);
        row.put("photo", title.getBytes());
        return row;
    }

    private Backend openWithProducts(String type) {
        Backend backend = FileBackends.open(type, directory);
        backend.ensure(LAYOUT);
        backend.upsert(LAYOUT, List.of(product("c", "Chair", 40.0, new float[] {1, 0}),
                product("a", "Apple", 1.5, new float[] {0, 1}), product("b", "Bed", 300.0, new float[] {1, 1})));
        return backend;
    }

    @Test
    void theServiceLoaderFindsAllThreeTypes() {
        List<String> types = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(provider -> types.add(provider.type()));

        assertThat(types).contains("json", "pickle", "file");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void pathIsRequiredAndNamedByItsFullProperty(String type) {
        assertThatThrownBy(() -> FileBackends.provider(type).open(new BackendConfig("files", Map.of("type", type))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.files.path");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void unknownKeysAreRejected(String type) {
        assertThatThrownBy(() -> FileBackends.provider(type).open(new BackendConfig("files",
                Map.of("type", type, "path", directory.toString(), "url", "x"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.files.url");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void aMissingDirectoryIsCreated(String type) {
        Path nested = directory.resolve("a/b");

        FileBackends.open(type, nested).close();

        assertThat(nested).isDirectory();
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void aPathThatIsAFileIsAConfigurationError(String type) throws IOException {
        Path file = Files.writeString(directory.resolve("plain.txt"), "x");

        assertThatThrownBy(() -> FileBackends.open(type, file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("heavenbase.backends.files.path");
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void everyKindIsStoredInlineAndEveryOperationRunsInTheEngine(String type) {
        CapabilityTable table = FileBackends.provider(type).capabilities();

        for (DType.Kind kind : DType.Kind.values()) {
            DType dtype = sample(kind);
            assertThat(table.canStore(dtype, Strategy.INLINE_COLUMN)).as(kind.name()).isTrue();
            for (String op : Ops.applicable(dtype)) {
                assertThat(table.mode(dtype, Strategy.INLINE_COLUMN, op)).as(kind + " " + op)
                        .contains(ExecutionMode.FALLBACK);
            }
        }
        assertThat(table.canStore(DType.parse("Vector[2]"), Strategy.VECTOR_INDEX)).isFalse();
        assertThat(table.canStore(DType.ARRAY, Strategy.SIDE_TABLE)).isFalse();
    }

    private static DType sample(DType.Kind kind) {
        switch (kind) {
            case CATEGORICAL:
                return DType.parse("Categorical[a,b]");
            case VECTOR:
                return DType.parse("Vector[2]");
            default:
                return DType.parse(kind.spelling());
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void anUpsertReplacesTheWholeRowPart(String type) {
        try (Backend backend = openWithProducts(type)) {
            backend.upsert(LAYOUT, List.of(Map.of("object_id", "a", "title", "Apricot")));

            assertThat(backend.fetch(LAYOUT, List.of("a"), List.of("title", "price", "photo")).get("a"))
                    .containsEntry("title", "Apricot").containsEntry("price", null).containsEntry("photo", null);
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void fetchReturnsOnlyExistingIdsWithTheRequestedFields(String type) {
        try (Backend backend = openWithProducts(type)) {
            Map<String, Map<String, Object>> read = backend.fetch(LAYOUT, List.of("b", "zz"), List.of("price"));

            assertThat(read).containsOnlyKeys("b");
            assertThat(read.get("b")).containsOnly(Map.entry("object_id", "b"), Map.entry("price", 300.0));
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void deleteRemovesRowsAndIgnoresUnknownIds(String type) {
        try (Backend backend = openWithProducts(type)) {
            backend.delete(LAYOUT, List.of("a", "unknown"));

            assertThat(backend.ids(LAYOUT)).containsExactlyInAnyOrder("b", "c");
            assertThat(backend.count(LAYOUT)).isEqualTo(2);
        }
        try (Backend fresh = FileBackends.open(type, directory)) {
            assertThat(fresh.ids(LAYOUT)).containsExactlyInAnyOrder("b", "c");
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void dropRemovesTheEntitysFiles(String type) throws IOException {
        try (Backend backend = openWithProducts(type)) {
            backend.drop(LAYOUT);

            assertThat(backend.count(LAYOUT)).isZero();
        }
        assertThat(FileBackends.filesUnder(directory)).containsExactly(DirectoryLock.LOCK_FILE_NAME);
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void executeWithoutFilterReturnsEveryRowInObjectIdOrderWithColumns(String type) {
        try (Backend backend = openWithProducts(type)) {
            List<Hit> hits = backend.execute(LAYOUT,
                    new Fragment(null, null, null, List.of(), 0, null, Set.of("title", "photo")));

            assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b", "c");
            assertThat(hits.get(0).columns()).containsEntry("title", "Apple");
            assertThat((byte[]) hits.get(0).columns().get("photo")).isEqualTo("Apple".getBytes());
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void executeHonoursCandidatesFilterOrderAndPaging(String type) {
        try (Backend backend = openWithProducts(type)) {
            Fragment fragment = new Fragment(new Expr.Leaf("price", Op.GT, 1.0), null, Set.of("a", "b", "c"),
                    List.of(new SortKey("price", true)), 1, 1, Set.of("price"));

            List<Hit> hits = backend.execute(LAYOUT, fragment);

            assertThat(hits).extracting(Hit::objectId).containsExactly("c");
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void executeRanksNearestVectors(String type) {
        try (Backend backend = openWithProducts(type)) {
            Fragment fragment = new Fragment(null, new NearSpec("emb", new float[] {0, 1}, 2, Metric.COSINE), null,
                    List.of(), 0, null, Set.of());

            List<Hit> hits = backend.execute(LAYOUT, fragment);

            assertThat(hits).extracting(Hit::objectId).containsExactly("a", "b");
        }
    }

    @ParameterizedTest
    @FieldSource("TYPES")
    void pingFailsWhenTheDirectoryIsGone(String type) throws IOException {
        Path path = Files.createDirectories(directory.resolve("gone"));
        try (Backend backend = FileBackends.open(type, path)) {
            backend.ping();
            DurableFiles.removeTree(path);

            assertThatThrownBy(backend::ping).isInstanceOf(BackendException.class)
                    .hasMessageContaining("files").hasMessageContaining(path.toString());
        }
    }
}
