package io.heavenbase.backend.sql.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * What a MySQL-protocol server offers that changes the SQL: the binary utf8mb4 collation used for
 * every stored text column and whether it pads (a PAD SPACE collation treats {@code 'a'} and
 * {@code 'a '} as equal, so such comparisons go through {@code CAST(... AS BINARY)}), and whether
 * a {@code JSON} column keeps its text exactly (MariaDB's JSON is LONGTEXT with a validity check;
 * MySQL's binary JSON reorders object keys, so there Json is stored as LONGTEXT).
 *
 * @param collation {@code utf8mb4_nopad_bin} (MariaDB), {@code utf8mb4_0900_bin} (MySQL 8) or
 *        {@code utf8mb4_bin}
 * @param noPad whether {@code collation} compares trailing spaces (code point order as it is)
 * @param textJson whether the {@code JSON} type stores the text unchanged
 */
public record MysqlServer(String collation, boolean noPad, boolean textJson) {

    /** MariaDB 10.4 and later. */
    public static final MysqlServer MARIADB = new MysqlServer("utf8mb4_nopad_bin", true, true);
    /** MySQL 8.0 and later. */
    public static final MysqlServer MYSQL = new MysqlServer("utf8mb4_0900_bin", true, false);
    /** Servers with neither NO PAD binary collation (OceanBase, MySQL 5.7). */
    public static final MysqlServer PADDING = new MysqlServer("utf8mb4_bin", false, false);

    /** Asks the server which collations it has. */
    public static MysqlServer detect(Connection connection) throws SQLException {
        Set<String> collations = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW COLLATION LIKE 'utf8mb4%bin'")) {
            while (rows.next()) {
                collations.add(rows.getString(1));
            }
        }
        if (collations.contains(MARIADB.collation())) {
            return MARIADB;
        }
        return collations.contains(MYSQL.collation()) ? MYSQL : PADDING;
    }
}
