package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a logical row onto a class (fields of any visibility) or a record (canonical constructor),
 * and an entity object back onto a row. A Java member answers to its {@code @Field(name)} when
 * given, else to its Java name and to that name in snake_case, so {@code objectId} receives
 * {@code object_id}. Reflective metadata is computed once per class.
 */
public final class RowMapper {

    private RowMapper() {
    }

    /**
     * Maps by field name: record components by name; classes through a no-arg constructor and
     * fields (any visibility) named like the row's keys (or like {@code @Field(name=...)}).
     * Values are converted where Java types differ (Long to int/Integer, Double to float, float[]
     * to List&lt;Float&gt; or double[], Instant to Date/OffsetDateTime, List to Set or array, a
     * String to an enum constant, a Map to a nested record or class ...). Unknown keys are ignored;
     * absent keys leave {@code null} (zero for primitives); a failure names the class and the field.
     */
    public static <T> T map(Map<String, Object> row, Class<T> type) {
        if (row == null || type == null) {
            throw new ValidationException(null, null, "row_mapping", "RowMapper.map needs a row and a class");
        }
        MappedClass mapped = MappedClass.of(type);
        if (type.isRecord()) {
            Object[] arguments = new Object[mapped.slots.size()];
            for (int i = 0; i < arguments.length; i++) {
                MappedClass.Slot slot = mapped.slots.get(i);
                arguments[i] = convert(valueFor(row, slot), slot, type);
            }
            return type.cast(mapped.newInstance(arguments));
        }
        Object instance = mapped.newInstance();
        for (MappedClass.Slot slot : mapped.slots) {
            String key = keyIn(row, slot);
            if (key != null) {
                Object value = convert(row.get(key), slot, type);
                if (value != null) {
                    slot.write(instance, value);
                }
            }
        }
        return type.cast(instance);
    }

    /**
     * The reverse: an entity object (class instance or record) to a row map keyed by field name.
     * Holds the schema's fields the object has, in schema order, and leaves out null values so
     * field defaults and derived ids apply. Enums become their names, nested records and classes
     * (e.g. HyperG items) maps, collections lists; a Map entity is copied as it is.
     */
    public static Map<String, Object> toRow(Object entity, EntitySchema schema) {
        if (entity == null || schema == null) {
            throw new ValidationException(schema == null ? null : schema.id(), null, "row_mapping",
                    "RowMapper.toRow needs an entity object and its schema");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        if (entity instanceof Map) {
            ((Map<?, ?>) entity).forEach((key, value) -> row.put(String.valueOf(key), plain(value)));
            return row;
        }
        MappedClass mapped = MappedClass.of(entity.getClass());
        for (String field : schema.fieldNames()) {
            MappedClass.Slot slot = mapped.slotFor(field);
            if (slot != null) {
                Object value = slot.read(entity);
                if (value != null) {
                    row.put(field, plain(value));
                }
            }
        }
        return row;
    }

    private static Object valueFor(Map<String, Object> row, MappedClass.Slot slot) {
        String key = keyIn(row, slot);
        return key == null ? null : row.get(key);
    }

    private static String keyIn(Map<String, Object> row, MappedClass.Slot slot) {
        for (String key : slot.rowKeys) {
            if (row.containsKey(key)) {
                return key;
            }
        }
        return null;
    }

    private static Object convert(Object value, MappedClass.Slot slot, Class<?> type) {
        try {
            return JavaTypeConverter.convert(value, slot.type);
        } catch (JavaTypeConverter.MismatchException | java.time.format.DateTimeParseException e) {
            throw new ValidationException(null, slot.rowKeys.get(0), "row_mapping", "cannot map field '"
                    + slot.rowKeys.get(0) + "' onto " + type.getName() + "." + slot.javaName + ": " + e.getMessage());
        }
    }

    /** A Java value as row data: what {@link DType#normalize} accepts. */
    private static Object plain(Object value) {
        if (value == null || JavaTypeConverter.isPlatformType(value.getClass()) && !(value instanceof Collection)
                && !(value instanceof Map) && !(value instanceof Object[])) {
            return value;
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, element) -> out.put(String.valueOf(key), plain(element)));
            return out;
        }
        if (value instanceof Collection || value instanceof Object[]) {
            List<Object> out = new ArrayList<>();
            for (Object element : JavaTypeConverter.elementsOf(value)) {
                out.add(plain(element));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (MappedClass.Slot slot : MappedClass.of(value.getClass()).slots) {
            Object element = slot.read(value);
            if (element != null) {
                out.put(slot.rowKeys.get(0), plain(element));
            }
        }
        return out;
    }
}
