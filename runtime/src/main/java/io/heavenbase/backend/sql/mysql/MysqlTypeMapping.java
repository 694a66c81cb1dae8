package io.heavenbase.backend.sql.mysql;

import io.heavenbase.backend.sql.IntegerComparand;
import io.heavenbase.backend.sql.SqlColumnTypes;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTypeMapping;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.DType.Kind;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * MySQL/MariaDB column types. Text is utf8mb4 in the server's binary collation
 * ({@link MysqlServer#collation()}): {@code VARCHAR(n)} up to 255 characters (so many text fields
 * still fit InnoDB's 65,535-byte row limit), {@code TEXT}, {@code MEDIUMTEXT} or {@code LONGTEXT}
 * beyond, sized for 4 bytes per character. Integer and Timestamp (epoch milliseconds: no time zone
 * conversion can touch them) are BIGINT, Float DOUBLE, Boolean TINYINT 0/1, Date ISO text in
 * {@code ascii_bin}, Json and HyperG JSON text ({@code JSON} where it keeps text unchanged,
 * otherwise {@code LONGTEXT}), Vector and Artifact LONGBLOB. An Integer compared with a fractional
 * operand is bound through {@link IntegerComparand}, so the comparison stays exact.
 */
final class MysqlTypeMapping extends SqlTypeMapping {

    private static final int VARCHAR_MAX_CHARS = 255;
    private static final int BYTES_PER_CHAR = 4;

    private final MysqlServer server;

    MysqlTypeMapping(MysqlServer server) {
        this.server = server;
    }

    @Override
    protected SqlColumnTypes.Builder columns() {
        return super.columns()
                .key(text("VARCHAR(" + DType.IDENTIFIER_MAX_CHARS + ")"))
                .count("INT")
                .kinds(dtype -> textType(dtype.categories().stream().mapToInt(c -> c.codePointCount(0, c.length()))
                        .max().orElse(1)), Kind.CATEGORICAL)
                .floating("DOUBLE")
                .bool("TINYINT")
                .date("VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin");
    }

    @Override
    protected String textType(int maxChars) {
        int chars = Math.max(1, maxChars);
        if (chars <= VARCHAR_MAX_CHARS) {
            return text("VARCHAR(" + chars + ")");
        }
        long bytes = (long) chars * BYTES_PER_CHAR;
        if (bytes <= 65_535) {
            return text("TEXT");
        }
        return text(bytes <= 16_777_215 ? "MEDIUMTEXT" : "LONGTEXT");
    }

    @Override
    protected String jsonType() {
        return server.textJson() ? "JSON" : text("LONGTEXT");
    }

    @Override
    protected String binaryType() {
        return "LONGBLOB";
    }

    /** A text type with the server's binary collation. */
    String text(String type) {
        return type + " CHARACTER SET utf8mb4 COLLATE " + server.collation();
    }

    @Override
    public SqlParam param(DType dtype, Object value) {
        if (dtype.kind() == DType.Kind.INTEGER && (value instanceof Double || value instanceof Float)) {
            double number = ((Number) value).doubleValue();
            SqlParam comparand = IntegerComparand.of(number);
            return number == Math.rint(number) ? comparand : new FractionalComparand(comparand);
        }
        return super.param(dtype, value);
    }

    /**
     * A fractional decimal compared with an integer column, written as an explicit DECIMAL cast:
     * MariaDB looks a bare {@code 2.5} up in an index on the integer column as 3 (so
     * {@code value = 2.5} finds 3), while the cast keeps the comparison exact.
     */
    record FractionalComparand(SqlParam decimal) implements SqlParam {

        @Override
        public Object value() {
            return decimal.value();
        }

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            decimal.bind(statement, index);
        }

        @Override
        public String placeholder() {
            return "CAST(? AS DECIMAL(65,30))";
        }
    }
}
