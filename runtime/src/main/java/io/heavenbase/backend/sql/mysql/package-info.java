/**
 * The MySQL-protocol dialects: {@code mysql}, {@code oceanbase} (a MySQL dialect with OceanBase's
 * differences) and {@code starrocks} (live-only). Built on the core of {@link io.heavenbase.backend.sql}; no dialect
 * family uses another.
 */
package io.heavenbase.backend.sql.mysql;
