package io.heavenbase.backend.lance;

import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow column of each logical type: text kinds, Identifier and Categorical as Utf8; Integer
 * Int64; Float Float64; Boolean Bool; Timestamp as Timestamp(ms, UTC); Date as Date32; Array as a
 * List of its element's column; Vector[n] as FixedSizeList(n) of Float32; Json and HyperG as Utf8
 * holding JSON; Artifact as Binary. {@code object_id} is a non-null Utf8 and comes first.
 */
final class ArrowColumns {

    static final String ITEM = "item";
    static final String UTC = "UTC";

    private ArrowColumns() {
    }

    /** The dataset schema of an entity part. */
    static Schema schema(EntityLayout layout) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(Names.OBJECT_ID, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        for (StoredField field : layout.fields()) {
            fields.add(field(field.name(), field.dtype()));
        }
        return new Schema(fields);
    }

    /** The nullable column of one field. */
    static Field field(String name, DType dtype) {
        switch (dtype.kind()) {
            case ARRAY:
                return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(new Field(ITEM, FieldType.nullable(scalarType(dtype.element())), null)));
            case VECTOR:
                return new Field(name, FieldType.nullable(new ArrowType.FixedSizeList(dtype.dimension())),
                        List.of(new Field(ITEM, FieldType.nullable(
                                new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null)));
            case JSON:
            case HYPERG:
                return Field.nullable(name, ArrowType.Utf8.INSTANCE);
            case ARTIFACT:
                return Field.nullable(name, ArrowType.Binary.INSTANCE);
            default:
                return Field.nullable(name, scalarType(dtype));
        }
    }

    private static ArrowType scalarType(DType dtype) {
        switch (dtype.kind()) {
            case INTEGER:
                return new ArrowType.Int(64, true);
            case FLOAT:
                return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case BOOLEAN:
                return ArrowType.Bool.INSTANCE;
            case TIMESTAMP:
                return new ArrowType.Timestamp(TimeUnit.MILLISECOND, UTC);
            case DATE:
                return new ArrowType.Date(DateUnit.DAY);
            default:
                return ArrowType.Utf8.INSTANCE;
        }
    }
}
