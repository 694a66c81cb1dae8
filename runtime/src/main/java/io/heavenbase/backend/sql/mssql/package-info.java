/**
 * The Microsoft SQL Server dialect ({@code mssql}, live-only). Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.mssql;
