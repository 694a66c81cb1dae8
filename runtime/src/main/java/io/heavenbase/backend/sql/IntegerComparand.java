package io.heavenbase.backend.sql;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The parameter that compares a 64-bit integer column exactly with a floating-point operand, for
 * databases that would otherwise compare BIGINT with DOUBLE as doubles (MySQL, MariaDB, DuckDB),
 * where {@code 9223372036854775807 < 9.223372036854775808E18} is false. An integral operand
 * becomes an integer or an exact decimal; a fractional one becomes {@code floor(x) + 0.5}, which
 * lies strictly between the same two integers as {@code x}, so every comparison with an integer
 * column ({@code = <> < <= > >=}) has the same outcome, and it has only a few digits.
 */
public final class IntegerComparand {

    /** Beyond this magnitude a double compares correctly with any 64-bit integer as it is. */
    private static final double EXACT_DECIMAL_LIMIT = 1e38;

    private IntegerComparand() {
    }

    /** The parameter standing for {@code value} in a comparison with an integer column. */
    public static SqlParam of(double value) {
        if (value == Math.rint(value)) {
            if (value >= -0x1p63 && value < 0x1p63) {
                return SqlParam.integer((long) value);
            }
            return Math.abs(value) < EXACT_DECIMAL_LIMIT ? new Decimal(new BigDecimal(value)) : SqlParam.real(value);
        }
        return new Decimal(BigDecimal.valueOf((long) Math.floor(value)).add(new BigDecimal("0.5")));
    }

    /** An exact decimal bound with {@code setBigDecimal}. */
    record Decimal(BigDecimal value) implements SqlParam {

        @Override
        public void bind(PreparedStatement statement, int index) throws SQLException {
            statement.setBigDecimal(index, value);
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }
}
