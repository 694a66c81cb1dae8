package io.heavenbase.backend.dialects;

import io.heavenbase.backend.sql.ConnectionSource;
import io.heavenbase.backend.sql.SecretRedactor;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.TestLayouts;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlFilterCompiler;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.backend.sql.SqlWork;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Layouts, rows and a recording backend shared by the golden tests of the server-less dialects. */
final class DialectFixtures {

    /** A value that would break out of a string literal if it were ever concatenated into SQL. */
    static final String HOSTILE = "x'); DROP TABLE item; -- \"]`\\";

    private DialectFixtures() {
    }

    static StoredField inline(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.INLINE_COLUMN);
    }

    static StoredField side(String name, String dtype) {
        return new StoredField(name, DType.parse(dtype), Strategy.SIDE_TABLE);
    }

    /** Entity {@code item} with one field of every logical type (arrays and HyperG also as side tables). */
    static EntityLayout everyType() {
        return new EntityLayout("item", List.of(
                inline("ref", "Identifier"),
                inline("title", "ShortText"),
                inline("summary", "MediumText"),
                inline("body", "LongText"),
                inline("kind", "Categorical[draft,published]"),
                inline("qty", "Integer"),
                inline("price", "Float"),
                inline("active", "Boolean"),
                inline("created", "Timestamp"),
                inline("day", "Date"),
                inline("meta", "Json"),
                inline("sizes", "Array[Integer]"),
                side("tags", "Array[ShortText]"),
                side("links", "HyperG"),
                inline("embedding", "Vector[3]"),
                inline("file", "Artifact")));
    }

    /** Entity {@code item} with a few fields for filter, order and write tests. */
    static EntityLayout small() {
        return new EntityLayout("item", List.of(inline("title", "ShortText"), inline("qty", "Integer"),
                inline("active", "Boolean"), side("tags", "Array[ShortText]")));
    }

    /** A row of canonical values (each raw value normalised by its field's dtype). */
    static Map<String, Object> row(EntityLayout layout, String id, Object... namesAndValues) {
        return TestLayouts.row(layout, id, namesAndValues);
    }

    /** A backend named {@code main} over the recording connection, tables in {@code schema} (may be null). */
    static SqlBackend backend(SqlDialect dialect, RecordingConnection connection, String schema) {
        return new SqlBackend("main", "", schema, dialect, new Direct(connection), SecretRedactor.none());
    }

    /** The condition a filter compiles to on the entity table aliased {@code t}. */
    static io.heavenbase.backend.sql.BoundSql where(SqlDialect dialect, EntityLayout layout, Expr filter) {
        return new SqlFilterCompiler(dialect, new SqlTables(dialect, null, "", layout), layout, "t", "main")
                .compile(filter);
    }

    static Expr.Leaf leaf(String field, Op op, Object value) {
        return new Expr.Leaf(field, op, value);
    }

    /** Runs every unit of work directly on the recording connection. */
    private record Direct(RecordingConnection connection) implements ConnectionSource {

        @Override
        public <T> T read(SqlWork<T> work) throws SQLException {
            return work.run(connection.connection());
        }

        @Override
        public <T> T write(SqlWork<T> work) throws SQLException {
            return work.run(connection.connection());
        }

        @Override
        public void close() {
        }
    }
}
