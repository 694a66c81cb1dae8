/**
 * The Trino dialect ({@code trino}). Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.trino;
