package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.FullTextIndex;
import io.heavenbase.backend.sql.MultiRowInsert;
import io.heavenbase.backend.sql.SqlBuilder;
import io.heavenbase.backend.sql.SqlCapabilities;
import io.heavenbase.backend.sql.IdentifierStyle;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MySQL and MariaDB through MySQL Connector/J. Identifiers in backticks, at most 64 characters;
 * InnoDB tables in utf8mb4 with the server's binary collation ({@link MysqlServer}), so equality is
 * exact and order is by code point; upserts with {@code INSERT ... ON DUPLICATE KEY UPDATE};
 * paging with {@code LIMIT ? OFFSET ?}; {@code match} through {@link MysqlWordIndex} (not FULLTEXT,
 * whose minimum word length and stopwords would change answers). Arrays are stored only as
 * SideTable (native {@code array_contains}); {@code near} and {@code contained_in} fall back to the
 * engine.
 */
public class MysqlDialect extends SqlDialect {

    /** Index prefix of a TEXT column in characters (InnoDB keys are limited to 3072 bytes). */
    private static final int INDEX_PREFIX_CHARS = 255;
    private static final int ER_TABLE_EXISTS = 1050;
    private static final int ER_NO_SUCH_TABLE = 1146;
    private static final int ER_DUP_FIELDNAME = 1060;
    private static final int ER_DUP_KEYNAME = 1061;

    /** Native operations of the mysql and oceanbase backends; everything else falls back to the engine. */
    public static final CapabilityTable CAPABILITIES = SqlCapabilities.standard()
            .inlineKinds(EnumSet.complementOf(EnumSet.of(Kind.ARRAY))).fullTextMatch().build();

    private final MysqlServer server;
    private final MysqlTypeMapping types;
    private final FullTextIndex fullText;

    /** A dialect for one mysql backend on {@code server}. */
    public MysqlDialect(MysqlServer server) {
        this("mysql", server);
    }

    /** The MySQL dialect under another key (oceanbase). */
    protected MysqlDialect(String type, MysqlServer server) {
        this(type, server, new MysqlTypeMapping(server));
    }

    private MysqlDialect(String type, MysqlServer server, MysqlTypeMapping types) {
        super(type, CAPABILITIES, types, IdentifierStyle.backticks(64));
        this.server = server;
        this.types = types;
        this.fullText = new MysqlWordIndex(this);
    }

    @Override
    public MysqlTypeMapping types() {
        return types;
    }

    /** The server traits the SQL is written for. */
    public MysqlServer server() {
        return server;
    }

    @Override
    public FullTextIndex fullText() {
        return fullText;
    }

    @Override
    public String createTable(String qualifiedTable, List<String> columnDefinitions) {
        return super.createTable(qualifiedTable, columnDefinitions) + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE="
                + server.collation();
    }

    /** Plain CREATE INDEX (MySQL has no IF NOT EXISTS for it); an existing index is tolerated. */
    @Override
    public String createIndex(String index, String qualifiedTable, String columnSql) {
        return "CREATE INDEX " + quote(index) + " ON " + qualifiedTable + " (" + columnSql + ")";
    }

    @Override
    public boolean isAlreadyExists(SQLException failure) {
        int code = failure.getErrorCode();
        return code == ER_TABLE_EXISTS || code == ER_DUP_FIELDNAME || code == ER_DUP_KEYNAME;
    }

    /** TEXT columns (text longer than 255 characters) are indexed by a prefix. */
    @Override
    public String indexedColumn(String quotedColumn, DType dtype) {
        String type = types.columnType(dtype);
        return type.startsWith("VARCHAR") || !dtype.kind().isStringValued() ? quotedColumn
                : quotedColumn + "(" + INDEX_PREFIX_CHARS + ")";
    }

    /**
     * The columns of an empty result of the table, or none when it does not exist: a millisecond,
     * where an information_schema lookup takes tens (and Connector/J's metadata would search every
     * database for a null catalog).
     */
    @Override
    public Set<String> columns(Connection connection, String schema, String table) throws SQLException {
        String qualified = schema == null ? quote(table) : quote(schema) + "." + quote(table);
        Set<String> out = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + qualified + " LIMIT 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.add(meta.getColumnName(i));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() != ER_NO_SUCH_TABLE) {
                throw e;
            }
        }
        return out;
    }

    /**
     * Many rows go in multi-row statements whatever the URL says about {@code rewriteBatchedStatements}
     * (the backend's own pool sets it, a DataSource handed over may not).
     */
    @Override
    public int rowsPerInsert() {
        return 500;
    }

    /** {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)}, which MySQL and MariaDB both accept. */
    @Override
    public String upsert(String qualifiedTable, List<String> columns, int rowCount) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualifiedTable).append(" (")
                .append(quote("object_id"));
        for (String column : columns) {
            sql.append(", ").append(quote(column));
        }
        sql.append(") VALUES ").append(MultiRowInsert.values(columns.size() + 1, rowCount))
                .append(" ON DUPLICATE KEY UPDATE ");
        if (columns.isEmpty()) {
            return sql.append(quote("object_id")).append(" = ").append(quote("object_id")).toString();
        }
        for (int i = 0; i < columns.size(); i++) {
            String column = quote(columns.get(i));
            sql.append(i == 0 ? "" : ", ").append(column).append(" = VALUES(").append(column).append(')');
        }
        return sql.toString();
    }

    /**
     * Text columns use a NO PAD binary collation where the server has one, so comparisons are by
     * code point as they are; under a PAD SPACE collation they compare as binary strings (UTF-8
     * bytes order like code points).
     */
    @Override
    public String codePointOrder(String textSql) {
        return server.noPad() ? textSql : "CAST(" + textSql + " AS BINARY)";
    }

    /** MySQL needs a LIMIT before an OFFSET; the largest unsigned BIGINT means no limit. */
    @Override
    public BoundSql limitOffset(Integer limit, int offset) {
        if (limit == null && offset > 0) {
            return new SqlBuilder().append(" LIMIT 18446744073709551615 OFFSET ").param(SqlParam.integer(offset))
                    .build();
        }
        return super.limitOffset(limit, offset);
    }
}
