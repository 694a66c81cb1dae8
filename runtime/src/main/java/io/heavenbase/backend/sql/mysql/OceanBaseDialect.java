package io.heavenbase.backend.sql.mysql;

/**
 * OceanBase in MySQL mode: the MySQL dialect under the key {@code oceanbase}. OceanBase speaks the
 * MySQL protocol and accepts the same DDL, {@code ON DUPLICATE KEY UPDATE} and {@code LIMIT ?
 * OFFSET ?}; its binary collation {@code utf8mb4_bin} pads, which {@link MysqlServer#PADDING}
 * covers by comparing text as binary strings.
 */
public final class OceanBaseDialect extends MysqlDialect {

    /** A dialect for one oceanbase backend on {@code server}. */
    public OceanBaseDialect(MysqlServer server) {
        super("oceanbase", server);
    }
}
