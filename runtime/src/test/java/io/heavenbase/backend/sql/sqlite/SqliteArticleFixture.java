package io.heavenbase.backend.sql.sqlite;

import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.inline;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.layout;
import static io.heavenbase.backend.sql.sqlite.SqliteFixtures.side;

import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.query.SortKey;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import io.heavenbase.spi.Hit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** A sqlite {@code :memory:} backend and an {@code article} layout covering every storage shape. */
abstract class SqliteArticleFixture {

    protected final SqlBackend backend = SqliteFixtures.memoryBackend();
    protected final EntityLayout article = layout("article", inline("title", "ShortText"), inline("price", "Float"),
            inline("tags", "Array"), side("labels", "Array"), inline("body", "LongText"));

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** Ids matching {@code filter}, in result order. */
    protected List<String> ids(Expr filter) {
        return backend.execute(article, Fragment.filter(filter, null)).stream().map(Hit::objectId).toList();
    }

    protected List<String> ordered(List<SortKey> order, int offset, Integer limit) {
        return backend.execute(article, new Fragment(null, null, null, order, offset, limit, Set.of())).stream()
                .map(Hit::objectId).toList();
    }

    protected static Expr leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }
}
