/**
 * The DuckDB dialect: embedded databases, bulk writes through the Appender, and a word index for
 * {@code match}. Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.duckdb;
