package io.heavenbase.backend.lance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns canonical rows into the Arrow C stream Lance reads: one record batch in the dataset's
 * schema (columns the layout does not name stay null), written to Arrow IPC bytes and exported
 * through an {@link ArrowStreamReader}, so every buffer belongs to the allocator and is released
 * when the stream is done.
 */
final class ArrowBatchEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArrowBatchEncoder() {
    }

    /** Runs {@code action} with a stream of {@code rows}; the stream is closed afterwards. */
    static void withStream(BufferAllocator allocator, Schema schema, EntityLayout layout,
            List<Map<String, Object>> rows, Consumer<ArrowArrayStream> action) {
        byte[] ipc = encode(allocator, schema, layout, rows);
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator);
                ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, reader, stream);
            action.accept(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferAllocator allocator, Schema schema, EntityLayout layout,
            List<Map<String, Object>> rows) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            for (FieldVector vector : root.getFieldVectors()) {
                String name = vector.getName();
                StoredField field = layout.field(name);
                DType dtype = name.equals(Names.OBJECT_ID) ? DType.IDENTIFIER : field == null ? null : field.dtype();
                for (int index = 0; index < rows.size(); index++) {
                    Object value = dtype == null ? null : rows.get(index).get(name);
                    if (value == null) {
                        setNull(vector, index);
                    } else {
                        set(vector, index, dtype, value);
                    }
                }
            }
            root.setRowCount(rows.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(FieldVector vector, int index, DType dtype, Object value) {
        switch (dtype.kind()) {
            case ARRAY:
                ListVector list = (ListVector) vector;
                List<?> elements = (List<?>) value;
                int start = list.startNewValue(index);
                for (int i = 0; i < elements.size(); i++) {
                    setScalar(list.getDataVector(), start + i, dtype.element(), elements.get(i));
                }
                list.endValue(index, elements.size());
                break;
            case VECTOR:
                FixedSizeListVector fixed = (FixedSizeListVector) vector;
                float[] floats = (float[]) value;
                Float4Vector items = (Float4Vector) fixed.getDataVector();
                int first = fixed.startNewValue(index);
                for (int i = 0; i < floats.length; i++) {
                    items.setSafe(first + i, floats[i]);
                }
                break;
            case JSON:
            case HYPERG:
                ((VarCharVector) vector).setSafe(index, json(value).getBytes(StandardCharsets.UTF_8));
                break;
            case ARTIFACT:
                ((VarBinaryVector) vector).setSafe(index, (byte[]) value);
                break;
            default:
                setScalar(vector, index, dtype, value);
        }
    }

    private static void setScalar(FieldVector vector, int index, DType dtype, Object value) {
        switch (dtype.kind()) {
            case INTEGER:
                ((BigIntVector) vector).setSafe(index, ((Number) value).longValue());
                break;
            case FLOAT:
                ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
                break;
            case BOOLEAN:
                ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
                break;
            case TIMESTAMP:
                ((TimeStampMilliTZVector) vector).setSafe(index, ((Instant) value).toEpochMilli());
                break;
            case DATE:
                ((DateDayVector) vector).setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
                break;
            default:
                ((VarCharVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void setNull(FieldVector vector, int index) {
        if (vector instanceof BaseFixedWidthVector) {
            ((BaseFixedWidthVector) vector).setNull(index);
        } else if (vector instanceof BaseVariableWidthVector) {
            ((BaseVariableWidthVector) vector).setNull(index);
        } else if (vector instanceof ListVector) {
            ((ListVector) vector).setNull(index);
        } else if (vector instanceof FixedSizeListVector) {
            ((FixedSizeListVector) vector).setNull(index);
        } else {
            throw new IllegalStateException("unexpected Arrow column " + vector.getField());
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
