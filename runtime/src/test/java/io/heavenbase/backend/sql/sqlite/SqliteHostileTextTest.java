package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.row;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.query.Op;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text and ids that would break string-built SQL are stored and compared as plain values. */
class SqliteHostileTextTest extends SqliteArticleFixture {

    @ParameterizedTest
    @ValueSource(strings = {"it's", "say \"hi\"", "back\\slash\\", "'; DROP TABLE article; --", "SELECT * FROM x",
        "NULL", "%_%", "line\nbreak\ttab\r", "\uD83D\uDE00 grinning", "\uD801\uDC00 deseret", "\u200Frtl\u202E",
        "nul\u0000inside", "json_each(?)", ""})
    void roundTripsAndIsFoundByExactEquality(String text) {
        backend.ensure(article);
        backend.upsert(article, rows(row(article, "hostile"), row(article, "other", "title", "other")));
        Map<String, Object> hostile = new LinkedHashMap<>(Map.of("object_id", "hostile"));
        hostile.put("title", text);
        backend.upsert(article, rows(hostile));

        assertThat(backend.fetch(article, List.of("hostile"), List.of("title")).get("hostile"))
                .containsEntry("title", text);
        assertThat(ids(leaf("title", Op.EQ, text))).containsExactly("hostile");
    }

    @Test
    void hostileObjectIdsRoundTrip() {
        backend.ensure(article);
        List<String> weird = List.of("a'b", "c\"d", "e\\f", "\uD83D\uDE00", "x) OR 1=1 --");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (String id : weird) {
            batch.add(row(article, id, "title", id));
        }

        backend.upsert(article, batch);

        assertThat(backend.fetch(article, weird, List.of("title"))).containsOnlyKeys(weird);
        assertThat(backend.execute(article, Fragment.filter(null, Set.copyOf(weird.subList(0, 2)))))
                .extracting(Hit::objectId).containsExactlyInAnyOrder("a'b", "c\"d");
    }
}
