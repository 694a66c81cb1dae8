package io.heavenbase.backend.milvus;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Names;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One Milvus field of a collection and how it is declared. Text limits are in UTF-8 bytes, as
 * Milvus counts them: a logical limit of N code points becomes {@code min(4 N, 65535)} bytes.
 *
 * @param name        the field name
 * @param dataType    the Milvus type
 * @param elementType the element type of an Array, otherwise null
 * @param maxLength   the byte limit of a VarChar (or VarChar element), otherwise null
 * @param maxCapacity the element limit of an Array, otherwise null
 * @param dimension   the dimension of a FloatVector, otherwise null
 * @param nullable    whether the field accepts null (every scalar field of an entity does)
 * @param primaryKey  whether this is the {@code object_id} key
 */
record MilvusColumn(String name, DataType dataType, DataType elementType, Integer maxLength, Integer maxCapacity,
        Integer dimension, boolean nullable, boolean primaryKey) {

    /** Milvus' largest VarChar, in bytes. */
    static final int MAX_VARCHAR_BYTES = 65535;
    /** Milvus' largest Array capacity. */
    static final int MAX_ARRAY_CAPACITY = 4096;
    /** Milvus' FloatVector dimension range. */
    static final int MIN_DIMENSION = 2;
    static final int MAX_DIMENSION = 32768;

    static MilvusColumn objectIdKey() {
        return new MilvusColumn(Names.OBJECT_ID, DataType.VarChar, null, utf8Limit(DType.IDENTIFIER_MAX_CHARS), null,
                null, false, true);
    }

    static MilvusColumn placeholderVector() {
        return new MilvusColumn(MilvusNames.PLACEHOLDER_VECTOR, DataType.FloatVector, null, null, null,
                MilvusNames.PLACEHOLDER_DIMENSION, false, false);
    }

    static MilvusColumn presenceFlag(String vectorField) {
        return new MilvusColumn(MilvusNames.presenceFlag(vectorField), DataType.Bool, null, null, null, null, false,
                false);
    }

    /** The column of a logical field; throws when Milvus cannot hold the type. */
    static MilvusColumn of(String backend, String entity, String field, DType dtype) {
        switch (dtype.kind()) {
            case VECTOR:
                if (dtype.dimension() < MIN_DIMENSION || dtype.dimension() > MAX_DIMENSION) {
                    throw unsupported(backend, entity, field, dtype, "Milvus float vectors have " + MIN_DIMENSION
                            + " to " + MAX_DIMENSION + " dimensions");
                }
                return new MilvusColumn(field, DataType.FloatVector, null, null, null, dtype.dimension(), false, false);
            case ARRAY:
                DType element = dtype.element();
                return new MilvusColumn(field, DataType.Array, scalarType(backend, entity, field, element),
                        element.kind().isStringValued() ? textLimit(element) : null, MAX_ARRAY_CAPACITY, null, true,
                        false);
            case JSON:
            case HYPERG:
                return new MilvusColumn(field, DataType.JSON, null, null, null, null, true, false);
            case ARTIFACT:
                throw unsupported(backend, entity, field, dtype, "Milvus has no binary scalar type");
            default:
                DataType type = scalarType(backend, entity, field, dtype);
                return new MilvusColumn(field, type, null, type == DataType.VarChar ? textLimit(dtype) : null, null,
                        null, true, false);
        }
    }

    /**
     * The declaration sent in a create-collection request. Built as a field schema directly: the
     * SDK's AddFieldReq conversion drops the element max_length of VarChar arrays.
     */
    CreateCollectionReq.FieldSchema toFieldSchema() {
        CreateCollectionReq.FieldSchema.FieldSchemaBuilder builder = CreateCollectionReq.FieldSchema.builder()
                .name(name).dataType(dataType).isPrimaryKey(primaryKey).autoID(false).isNullable(nullable);
        if (elementType != null) {
            builder.elementType(elementType);
        }
        if (maxLength != null) {
            builder.maxLength(maxLength);
        }
        if (maxCapacity != null) {
            builder.maxCapacity(maxCapacity);
        }
        if (dimension != null) {
            builder.dimension(dimension);
        }
        return builder.build();
    }

    /** Whether an existing Milvus field is declared as this column. */
    boolean matches(CreateCollectionReq.FieldSchema existing) {
        return existing.getName().equals(name) && existing.getDataType() == dataType
                && Objects.equals(existing.getElementType() == DataType.None ? null : existing.getElementType(),
                        elementType)
                && (maxLength == null || maxLength.equals(existing.getMaxLength()))
                && (maxCapacity == null || maxCapacity.equals(existing.getMaxCapacity()))
                && (dimension == null || dimension.equals(existing.getDimension()))
                && Boolean.TRUE.equals(existing.getIsNullable()) == nullable;
    }

    /** UTF-8 byte length of a text value, compared against {@link #maxLength()}. */
    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name).append(' ').append(dataType);
        if (elementType != null) {
            out.append('<').append(elementType).append('>');
        }
        if (maxLength != null) {
            out.append(" max_length=").append(maxLength);
        }
        if (maxCapacity != null) {
            out.append(" max_capacity=").append(maxCapacity);
        }
        if (dimension != null) {
            out.append(" dim=").append(dimension);
        }
        return out.append(nullable ? " nullable" : "").append(primaryKey ? " primary" : "").toString();
    }

    private static DataType scalarType(String backend, String entity, String field, DType dtype) {
        if (dtype.kind().isStringValued()) {
            return DataType.VarChar;
        }
        switch (dtype.kind()) {
            case INTEGER:
            case TIMESTAMP:
            case DATE:
                return DataType.Int64;
            case FLOAT:
                return DataType.Double;
            case BOOLEAN:
                return DataType.Bool;
            default:
                throw unsupported(backend, entity, field, dtype, "Milvus has no column type for it");
        }
    }

    private static int textLimit(DType dtype) {
        if (dtype.kind() == DType.Kind.CATEGORICAL) {
            int longest = 1;
            for (String category : dtype.categories()) {
                longest = Math.max(longest, utf8Length(category));
            }
            return longest;
        }
        return utf8Limit(dtype.maxChars());
    }

    private static int utf8Limit(int maxChars) {
        return (int) Math.min(MAX_VARCHAR_BYTES, 4L * maxChars);
    }

    private static UnsupportedCapabilityException unsupported(String backend, String entity, String field, DType dtype,
            String reason) {
        return new UnsupportedCapabilityException(backend, dtype.toString(), "store",
                "milvus backend '" + backend + "' cannot store field '" + field + "' of entity '" + entity + "' ("
                        + dtype + "): " + reason);
    }
}
