package io.heavenbase.backend.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectTypesContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every logical type is read back from DuckDB as exactly the canonical Java value that was written
 * ({@link DialectTypesContract} with its default entity), also through the appender.
 */
class DuckdbTypesTest extends DialectTypesContract {

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(DuckdbFixtures.memoryBackend());
    }

    @Test
    void givenEveryTypeWithValuesInABatchLargeEnoughForTheAppender_whenFetched_thenTheCanonicalValuesComeBack() {
        Map<String, Object> written = fullRow();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(row(everything(), "filler-" + i, "short", "f" + i));
        }
        batch.add(written);
        backend.ensure(everything());

        backend.upsert(everything(), batch);

        List<String> fields = everything().fields().stream().map(StoredField::name).toList();
        assertSameValues(backend.fetch(everything(), List.of("full"), fields).get("full"), written);
        assertThat(backend.count(everything())).isEqualTo(101);
    }

    @Test
    void givenNegativeZero_whenFetched_thenAScalarKeepsItAndListElementsAndVectorComponentsReadAsZero() {
        Map<String, Object> read = roundTrip(row(everything(), "zero", "ratio", -0.0, "ratios", List.of(-0.0),
                "vec", new float[] {-0f, 1f, 0f}));

        assertThat(read.get("ratio")).isEqualTo(-0.0);
        assertThat(read.get("ratios")).isEqualTo(List.of(0.0));
        assertThat((float[]) read.get("vec")).containsExactly(0f, 1f, 0f);
    }
}
