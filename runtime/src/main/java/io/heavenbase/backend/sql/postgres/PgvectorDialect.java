package io.heavenbase.backend.sql.postgres;

import io.heavenbase.ValidationException;
import io.heavenbase.backend.sql.NearSearch;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The postgres dialect plus pgvector: Vector fields are {@code vector(n)} columns, a VectorIndex
 * field also gets the configured approximate index for the cosine metric, and {@code near} runs
 * natively through {@link PgvectorNearSearch}. Ensure creates the {@code vector} extension when it
 * is missing.
 */
public final class PgvectorDialect extends PostgresDialect {

    /** Native operations of the pgvector backend: those of postgres plus {@code near} on vectors. */
    public static final CapabilityTable CAPABILITIES = capabilities(true);

    private final PgvectorIndex index;
    private final long exactNearLimit;
    private final NearSearch nearSearch = new PgvectorNearSearch(this);

    /**
     * @param index the approximate index of VectorIndex fields
     * @param exactNearLimit up to this many rows (estimated in the table, or candidates), near scans exactly
     */
    PgvectorDialect(PgvectorIndex index, long exactNearLimit) {
        super("pgvector", CAPABILITIES, new PgvectorTypeMapping());
        this.index = index;
        this.exactNearLimit = exactNearLimit;
    }

    /** The approximate index of VectorIndex fields. */
    PgvectorIndex index() {
        return index;
    }

    /** Up to this many rows (estimated in the table, or candidates), near scans exactly. */
    long exactNearLimit() {
        return exactNearLimit;
    }

    @Override
    public NearSearch nearSearch() {
        return nearSearch;
    }

    /** Also rejects vectors longer than pgvector stores, and creates the extension. */
    @Override
    public void beforeStructureChange(Connection connection, SqlTables tables, EntityLayout layout)
            throws SQLException {
        for (StoredField field : layout.fields()) {
            DType dtype = field.dtype();
            if (dtype.kind() == DType.Kind.VECTOR && dtype.dimension() > PgvectorTypeMapping.MAX_DIMENSION) {
                throw new ValidationException(layout.entityId(), field.name(), "dimension", "entity '"
                        + layout.entityId() + "' field '" + field.name() + "' (" + dtype + ") cannot be stored: "
                        + "pgvector holds vectors of at most " + PgvectorTypeMapping.MAX_DIMENSION + " dimensions");
            }
        }
        super.beforeStructureChange(connection, tables, layout);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
    }

    /** The approximate index of every VectorIndex field pgvector can index (at most 2,000 dimensions). */
    @Override
    public void afterEnsure(Connection connection, SqlTables tables, EntityLayout layout) throws SQLException {
        if (index == PgvectorIndex.NONE) {
            return;
        }
        for (StoredField field : layout.fields()) {
            if (isIndexed(field)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX IF NOT EXISTS " + quote(indexName(tables, field)) + " ON "
                            + tables.qualified(tables.entity()) + " " + index.using(quote(field.name())));
                }
            }
        }
    }

    /** Whether the field has this backend's approximate index. */
    boolean isIndexed(StoredField field) {
        return index != PgvectorIndex.NONE && field.strategy() == Strategy.VECTOR_INDEX
                && field.dtype().dimension() <= PgvectorIndex.MAX_INDEXED_DIMENSION;
    }

    String indexName(SqlTables tables, StoredField field) {
        return fitIdentifier(tables.entity() + "__" + field.name() + "__" + index.id());
    }
}
