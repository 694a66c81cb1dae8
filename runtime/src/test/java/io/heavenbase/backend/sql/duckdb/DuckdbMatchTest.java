package io.heavenbase.backend.sql.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectMatchContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.query.TextMatch;
import io.heavenbase.spi.EntityLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code match} on duckdb answers exactly like {@link TextMatch} ({@link DialectMatchContract}). */
class DuckdbMatchTest extends DialectMatchContract {

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(DuckdbFixtures.memoryBackend());
    }

    @Test
    void givenTextStoredBeforeTheFieldWasSearchable_whenEnsuredAsText_thenTheStoredRowsAreIndexed() {
        EntityLayout asIdentifier = layout("doc", inline("title", "Identifier"));
        backend.ensure(asIdentifier);
        backend.upsert(asIdentifier, new ArrayList<>(List.of(row(asIdentifier, "early", "title", "hello-world"))));

        backend.ensure(doc);

        assertThat(matching("title", "world")).containsExactly("early");
    }
}
