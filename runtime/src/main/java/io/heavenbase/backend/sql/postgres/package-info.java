/**
 * The PostgreSQL dialects: {@code postgres} (COPY bulk loads, a word index for {@code match}) and
 * {@code pgvector} (its {@code vector} type and indexes for {@code near}). Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.postgres;
