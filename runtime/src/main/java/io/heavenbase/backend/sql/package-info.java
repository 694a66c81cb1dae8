/**
 * The JDBC SQL backend family: one generic {@link io.heavenbase.backend.sql.SqlBackend} composed
 * of a {@link io.heavenbase.backend.sql.SqlDialect} (everything that differs between databases) and
 * a {@link io.heavenbase.backend.sql.ConnectionSource} (a {@code DataSource}, a pool of embedded
 * connections, or one shared connection). The first dialect is {@code sqlite}.
 *
 * <h2>Physical layout</h2>
 * <ul>
 * <li>Entity table {@code prefix + entity_id} ('-' as '_'): {@code object_id} (the key) and one
 * column per field of the entity part. A SideTable field's column holds its element count (NULL
 * for a null value, so null and the empty list stay distinct). SQLite adds a hidden
 * {@code hb_rowid INTEGER PRIMARY KEY} that keys its full-text tables and survives VACUUM to tables
 * with a full-text field; the others are {@code WITHOUT ROWID} tables keyed by {@code object_id}.</li>
 * <li>Side table {@code <table>__<field>} per SideTable field: {@code owner_id}, {@code pos}, then
 * {@code value} (Array; indexed on {@code (value, owner_id)}) or the HyperG columns.</li>
 * <li>Full-text table {@code <table>__fts_<field>} per ShortText/MediumText/LongText inline field
 * whose full-text switch is on ({@link io.heavenbase.spi.StoredField#fullText()}; LongText by
 * default) (SQLite: a contentless FTS5 table). Ensure drops the table of a field whose switch is
 * off.</li>
 * <li>Names come only from validated names; a layout whose names would collide case-insensitively
 * is rejected at ensure. Dialects shorten names longer than their identifier limit with a hash
 * suffix.</li>
 * </ul>
 *
 * <h2>Values ({@link io.heavenbase.backend.sql.SqlTypeMapping})</h2>
 * Text kinds as text; Integer as a 64-bit integer; Float as a double; Boolean as 0/1; Timestamp as
 * epoch milliseconds (canonical Timestamps have millisecond precision, so nothing is lost and order
 * is numeric); Date as ISO {@code yyyy-MM-dd} text (orders correctly for years 0000–9999); Json,
 * inline Array and inline HyperG as JSON text whose typed scalars use the same plain forms and are
 * read back through {@code DType.normalize}; Vector as a little-endian float32 blob; Artifact as a
 * blob. Values read back are exactly the canonical Java values written, with one exception:
 * SQLite stores a Float {@code -0.0} as {@code 0.0} (equal under the engine's ValueOrder).
 *
 * <h2>What runs natively on sqlite</h2>
 * <ul>
 * <li>{@code eq ne lt lte gt gte in nin order} on the scalar kinds, {@code null} on every kind, with
 * the engine's two-valued logic: each leaf compiles to a condition that is never NULL
 * ({@code (c IS NOT NULL AND c < ?)}, {@code (c IS NULL OR c <> ?)}, ...), so NOT is the exact
 * complement; {@code in []} is false and {@code nin []} true. Text compares with SQLite's BINARY
 * collation on UTF-8, which is Unicode code point order. Ordering puts NULLs last ascending and
 * first descending and breaks ties by object_id.</li>
 * <li>{@code match} on the text kinds through FTS5. The text is tokenised in Java by
 * {@code TextMatch.words} and indexed under FTS5's {@code ascii} tokenizer, so indexed tokens are
 * exactly TextMatch's words and results equal {@code TextMatch.matches}. (FTS5's
 * {@code unicode61} tokenizer differs from TextMatch: Unicode 6.1 tables, No/Nl characters such as
 * "²" or "Ⅻ" inside words, private-use characters as letters, different non-ASCII case folding;
 * it is therefore not used.) On a field whose full-text switch is off, {@code match} is a scan
 * with the function {@code hb_match} registered on every connection, which applies
 * {@code TextMatch.words} to each stored text: the same answers without an index.</li>
 * <li>{@code array_contains} on Array, inline ({@code json_each} over the JSON text) and as a side
 * table (correlated {@code EXISTS}).</li>
 * <li>{@code near} on Vector (InlineColumn and VectorIndex, both an exhaustive scan): the function
 * {@code hb_similarity} registered on every connection computes {@code Similarity.score}; filter
 * and candidates are in WHERE, so they apply before the top-k cut; rows without a vector are
 * excluded.</li>
 * <li>Fallback (engine): {@code contained_in}. Not storable: SparseGramIndex, GraphEdge.</li>
 * </ul>
 *
 * <h2>Connections</h2>
 * SQLite {@code :memory:} uses one shared connection under a lock (each in-memory connection is a
 * database of its own). A database file uses WAL, a 10 s busy timeout, one writer connection that
 * takes the write lock at BEGIN and up to four reader connections, so several workspaces or
 * processes can share one file and see each other's committed rows. Every write is one
 * transaction.
 *
 * <h2>Adding a dialect</h2>
 * Subclass {@link io.heavenbase.backend.sql.SqlDialect} (type names in a
 * {@link io.heavenbase.backend.sql.SqlTypeMapping}, upsert statement, id-set predicate, paging,
 * {@code anyRow} when the database has no {@code LIMIT},
 * {@code codePointOrder} for a binary collation, optional
 * {@link io.heavenbase.backend.sql.FullTextIndex}, {@link io.heavenbase.backend.sql.VectorScore} and
 * {@link io.heavenbase.backend.sql.BulkLoader} (DuckDB's Appender, PostgreSQL's COPY) or
 * {@code rowsPerInsert} for multi-row inserts, {@code isAlreadyExists} for
 * databases without {@code IF NOT EXISTS} on every DDL, {@code indexedColumn} for index prefixes),
 * declare its capability table, and write a provider that builds a
 * {@link io.heavenbase.backend.sql.ConnectionSource} and a
 * {@link io.heavenbase.backend.sql.SecretRedactor} holding the password.
 */
package io.heavenbase.backend.sql;
