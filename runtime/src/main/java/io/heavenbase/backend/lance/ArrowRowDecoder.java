package io.heavenbase.backend.lance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads Lance's record batches back into canonical rows (see {@link DType#normalize}): each row
 * carries {@code object_id} and the layout fields among the scanned columns, nulls included; other
 * columns (such as {@code _distance}) are skipped.
 */
final class ArrowRowDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityLayout layout;

    ArrowRowDecoder(EntityLayout layout) {
        this.layout = layout;
    }

    /** Every row of every batch of {@code reader}, in order. */
    List<Map<String, Object>> readAll(ArrowReader reader) {
        List<Map<String, Object>> rows = new ArrayList<>();
        forEach(reader, rows::add);
        return rows;
    }

    /** Hands each row of {@code reader} to {@code sink}. */
    void forEach(ArrowReader reader, Consumer<Map<String, Object>> sink) {
        try {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                List<FieldVector> columns = new ArrayList<>();
                List<DType> dtypes = new ArrayList<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    DType dtype = dtypeOf(vector.getName());
                    if (dtype != null) {
                        columns.add(vector);
                        dtypes.add(dtype);
                    }
                }
                for (int index = 0; index < root.getRowCount(); index++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 0; c < columns.size(); c++) {
                        FieldVector vector = columns.get(c);
                        row.put(vector.getName(), vector.isNull(index) ? null : value(vector, index, dtypes.get(c)));
                    }
                    sink.accept(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DType dtypeOf(String column) {
        if (column.equals(Names.OBJECT_ID)) {
            return DType.IDENTIFIER;
        }
        StoredField field = layout.field(column);
        return field == null ? null : field.dtype();
    }

    private Object value(FieldVector vector, int index, DType dtype) {
        switch (dtype.kind()) {
            case ARRAY:
                ListVector list = (ListVector) vector;
                FieldVector items = (FieldVector) list.getDataVector();
                List<Object> elements = new ArrayList<>();
                for (int i = list.getElementStartIndex(index); i < list.getElementEndIndex(index); i++) {
                    elements.add(scalar(items, i, dtype.element()));
                }
                return Collections.unmodifiableList(elements);
            case VECTOR:
                FixedSizeListVector fixed = (FixedSizeListVector) vector;
                Float4Vector floats = (Float4Vector) fixed.getDataVector();
                float[] out = new float[fixed.getListSize()];
                int first = index * out.length;
                for (int i = 0; i < out.length; i++) {
                    out[i] = floats.get(first + i);
                }
                return out;
            case JSON:
            case HYPERG:
                return fromJson(text(vector, index), dtype, vector.getName());
            case ARTIFACT:
                return ((VarBinaryVector) vector).get(index);
            default:
                return scalar(vector, index, dtype);
        }
    }

    private static Object scalar(FieldVector vector, int index, DType dtype) {
        switch (dtype.kind()) {
            case INTEGER:
                return ((BigIntVector) vector).get(index);
            case FLOAT:
                return ((Float8Vector) vector).get(index);
            case BOOLEAN:
                return ((BitVector) vector).get(index) != 0;
            case TIMESTAMP:
                return Instant.ofEpochMilli(((TimeStampVector) vector).get(index));
            case DATE:
                return LocalDate.ofEpochDay(((DateDayVector) vector).get(index));
            default:
                return text(vector, index);
        }
    }

    private static String text(FieldVector vector, int index) {
        return new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
    }

    private Object fromJson(String text, DType dtype, String field) {
        try {
            return dtype.normalize(JSON.readValue(text, Object.class), layout.entityId(), field);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of type " + dtype + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
