package io.heavenbase.backend.sql.duckdb;

import io.heavenbase.backend.sql.SqlParam;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * A DuckDB parameter beyond the plain JDBC kinds. {@link #value()} is the Java value the DuckDB
 * Appender takes for the column (Boolean, LocalDate, a List of element values, float[]), the
 * binding is what the JDBC driver takes for a {@code ?}.
 */
final class DuckdbParam implements SqlParam {

    private final Object value;
    private final Binding binding;

    private DuckdbParam(Object value, Binding binding) {
        this.value = value;
        this.binding = binding;
    }

    /** A BOOLEAN. */
    static DuckdbParam bool(boolean value) {
        return new DuckdbParam(value, (statement, index) -> statement.setBoolean(index, value));
    }

    /**
     * A DATE, bound as ISO text: the driver's own LocalDate binding goes through java.sql.Date
     * and shifts dates before the Gregorian reform and BC dates; DuckDB parses the text
     * proleptically, like LocalDate.
     */
    static DuckdbParam date(LocalDate value) {
        String iso = isoDate(value);
        return new DuckdbParam(value, (statement, index) -> statement.setString(index, iso));
    }

    /**
     * A LIST of {@code elementType} (a DuckDB type name such as {@code VARCHAR}); elements are
     * Appender values. Dates travel as ISO text over JDBC for the reason given at {@link #date}.
     */
    static DuckdbParam list(List<?> elements, String elementType) {
        return new DuckdbParam(elements, (statement, index) -> {
            Object[] array = elements.stream().map(e -> e instanceof LocalDate ? isoDate((LocalDate) e) : e).toArray();
            String type = elementType.equals("DATE") ? "VARCHAR" : elementType;
            statement.setObject(index, statement.getConnection().createArrayOf(type, array));
        });
    }

    /** A FLOAT[n] vector. */
    static DuckdbParam vector(float[] vector) {
        return new DuckdbParam(vector, (statement, index) -> {
            Float[] array = new Float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                array[i] = vector[i];
            }
            statement.setObject(index, statement.getConnection().createArrayOf("FLOAT", array));
        });
    }

    /** A vector as a list of doubles, for arithmetic in double precision. */
    static DuckdbParam doubles(float[] vector) {
        return new DuckdbParam(vector, (statement, index) -> {
            Double[] array = new Double[vector.length];
            for (int i = 0; i < vector.length; i++) {
                array[i] = (double) vector[i];
            }
            statement.setObject(index, statement.getConnection().createArrayOf("DOUBLE", array));
        });
    }

    private static String isoDate(LocalDate date) {
        String text = date.toString();
        return text.startsWith("+") ? text.substring(1) : text;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public void bind(PreparedStatement statement, int index) throws SQLException {
        binding.bind(statement, index);
    }

    @Override
    public String toString() {
        return value instanceof float[] ? "float[" + ((float[]) value).length + "]" : String.valueOf(value);
    }

    @FunctionalInterface
    private interface Binding {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }
}
