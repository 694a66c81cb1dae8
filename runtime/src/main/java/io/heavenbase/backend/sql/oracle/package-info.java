/**
 * The Oracle Database dialect ({@code oracle}, live-only). Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.oracle;
