/**
 * The SQLite dialect: embedded databases (file or {@code :memory:}) through sqlite-jdbc, FTS5 full-text
 * tables, and the {@code hb_match}/{@code hb_similarity} functions registered on every connection. Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.sqlite;
