package io.heavenbase.backend.sql.postgres;

import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.schema.DType;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The postgres types with Vector fields as pgvector {@code vector(n)} columns. Vectors travel as
 * pgvector's text form {@code [x,y,...]}: Java writes each float's shortest round-trip decimal and
 * pgvector prints them the same way, so a vector reads back bit for bit.
 */
final class PgvectorTypeMapping extends PostgresTypeMapping {

    /** pgvector's largest {@code vector} dimension. */
    static final int MAX_DIMENSION = 16_000;

    @Override
    protected String vectorType(DType dtype) {
        return "vector(" + dtype.dimension() + ")";
    }

    @Override
    protected SqlParam vectorParam(float[] vector) {
        return PostgresParams.untyped(text(vector));
    }

    @Override
    protected Object readVector(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : parse(text);
    }

    /** pgvector's text form of a vector. */
    static String text(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }

    /** A vector from pgvector's text form. */
    static float[] parse(String text) {
        String body = text.substring(1, text.length() - 1);
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }
}
