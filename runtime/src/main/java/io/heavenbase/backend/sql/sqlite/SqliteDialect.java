package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.FullTextIndex;
import io.heavenbase.backend.sql.JsonValues;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.IdentifierStyle;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.VectorScore;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * SQLite (xerial sqlite-jdbc, SQLite 3.53). Entity tables with a full-text field carry a hidden
 * {@code hb_rowid INTEGER PRIMARY KEY} (stable across VACUUM) that keys the FTS5 full-text tables;
 * the others are {@code WITHOUT ROWID} tables keyed by {@code object_id}; id sets are bound as
 * one JSON array read with {@code json_each}; {@code near} scores with the application-defined
 * function {@code hb_similarity} and {@code match} on a field without full-text index scans with
 * {@code hb_match}, both registered on every connection.
 */
public final class SqliteDialect extends SqlDialect {

    /** The hidden integer key of SQLite entity tables. */
    public static final String ROW_ID = "hb_rowid";

    /** Native operations of the sqlite backend; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard()
            .fullTextMatch().scanMatch().inlineContains().nativeNear().build();

    private final FullTextIndex fullText = new Fts5FullTextIndex(this);
    private final VectorScore vectorScore = new SqliteVectorScore();

    /** A dialect for one backend. */
    public SqliteDialect() {
        super("sqlite", CAPABILITIES, new SqliteTypeMapping(), IdentifierStyle.standard(Integer.MAX_VALUE));
    }

    @Override
    public FullTextIndex fullText() {
        return fullText;
    }

    @Override
    public VectorScore vectorScore() {
        return vectorScore;
    }

    /** A scan through {@code hb_match}, the engine's word rule as a SQL function on every connection. */
    @Override
    public BoundSql matchScan(String columnSql, List<String> words) {
        return new SqlBuilder().append(SqliteMatchFunction.NAME).append("(").append(columnSql).append(", ")
                .param(SqlParam.text(SqliteMatchFunction.argument(words))).append(") = 1").build();
    }

    @Override
    public Set<String> reservedColumns() {
        return Set.of(ROW_ID);
    }

    @Override
    public List<String> keyColumns() {
        return List.of(quote("object_id") + " TEXT NOT NULL UNIQUE", quote(ROW_ID) + " INTEGER PRIMARY KEY");
    }

    /**
     * An entity table without a full-text field is one B-tree: {@code object_id TEXT PRIMARY KEY ...
     * WITHOUT ROWID}, so a write updates no second index. A table with one keeps {@code hb_rowid} for
     * its FTS5 tables ({@link Fts5FullTextIndex} rebuilds a table of the first kind when a full-text
     * field is added later). Tables created before this layout existed keep theirs: every statement
     * outside the full-text index works on both.
     */
    @Override
    public String createEntityTable(String qualifiedTable, List<String> fieldDefinitions, boolean fullTextKeyed) {
        if (fullTextKeyed) {
            return super.createEntityTable(qualifiedTable, fieldDefinitions, true);
        }
        List<String> definitions = new ArrayList<>();
        definitions.add(quote("object_id") + " TEXT NOT NULL PRIMARY KEY");
        definitions.addAll(fieldDefinitions);
        return createTable(qualifiedTable, definitions) + " WITHOUT ROWID";
    }

    /** One JSON-array parameter, however many ids: no statement-size or parameter-count limit to hit. */
    @Override
    public BoundSql idIn(String columnSql, Collection<String> ids) {
        BoundSql single = singleIdEquals(columnSql, ids);
        if (single != null) {
            return single;
        }
        return BoundSql.of(columnSql + " IN (SELECT value FROM json_each(?))",
                SqlParam.text(JsonValues.stringArray(ids)));
    }

    /** SQLite compiles every statement natively and sqlite-jdbc keeps none; its sources own their connections. */
    @Override
    public boolean cachesStatements() {
        return true;
    }

    @Override
    public int maxIdsPerStatement() {
        return Integer.MAX_VALUE;
    }

    /**
     * Inline arrays are JSON text; {@code json_each} yields each element as the SQL value the
     * column binding would produce (Boolean as 0/1, Timestamp as millis, Date as ISO text), so the
     * element compares with the usual parameter.
     */
    @Override
    public BoundSql arrayContainsInline(String columnSql, DType element, Object value) {
        return new SqlBuilder().append("EXISTS (SELECT 1 FROM json_each(").append(columnSql)
                .append(") j WHERE j.value = ").param(types().param(element, value)).append(")").build();
    }

    /** SQLite needs a LIMIT before an OFFSET; -1 means no limit. */
    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        if (limit == null && offset > 0) {
            return new SqlBuilder().append(" LIMIT -1 OFFSET ").param(SqlParam.integer(offset)).build();
        }
        return super.limitOffset(limit, offset);
    }
}
