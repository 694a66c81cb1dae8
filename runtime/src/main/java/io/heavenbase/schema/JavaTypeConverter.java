package io.heavenbase.schema;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Converts canonical row values (Long, Double, Instant, float[], List ...) to the Java type of a
 * field or record component: narrower numbers, boxed or primitive, arrays and collections of
 * either, other time classes, enums from strings, nested records or classes from maps.
 */
final class JavaTypeConverter {

    /** A value that does not fit the target type; the caller adds the class and member. */
    static final class MismatchException extends RuntimeException {
        MismatchException(String message) {
            super(message, null, false, false);
        }
    }

    private JavaTypeConverter() {
    }

    static Object convert(Object value, Type target) {
        Class<?> raw = rawOf(target);
        if (value == null) {
            return raw.isPrimitive() ? zero(raw) : null;
        }
        Class<?> boxed = raw.isPrimitive() ? box(raw) : raw;
        if (boxed == Object.class) {
            return value;
        }
        if (boxed.isArray()) {
            return array(value, boxed);
        }
        if (Collection.class.isAssignableFrom(boxed) || boxed == Iterable.class) {
            return collection(value, boxed, typeArgument(target, 0));
        }
        if (boxed.isInstance(value)) {
            return value;
        }
        if (Number.class.isAssignableFrom(boxed) && (value instanceof Number || value instanceof Instant)) {
            return number(value instanceof Instant ? ((Instant) value).toEpochMilli() : value, boxed);
        }
        if (boxed.isEnum() && value instanceof String) {
            return enumConstant(boxed, (String) value);
        }
        Object time = time(value, boxed);
        if (time != null) {
            return time;
        }
        if (value instanceof Map && !isPlatformType(boxed)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> nested = (Map<String, Object>) value;
            return RowMapper.map(nested, boxed);
        }
        throw mismatch(value, target);
    }

    private static Object array(Object value, Class<?> arrayType) {
        Class<?> component = arrayType.getComponentType();
        if (component == byte.class && value instanceof String) {
            try {
                return Base64.getDecoder().decode((String) value);
            } catch (IllegalArgumentException e) {
                throw mismatch(value, arrayType);
            }
        }
        List<?> elements = elementsOf(value);
        if (elements == null) {
            throw mismatch(value, arrayType);
        }
        Object out = Array.newInstance(component, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(out, i, convert(elements.get(i), component));
        }
        return out;
    }

    private static Collection<Object> collection(Object value, Class<?> collectionType, Type elementType) {
        List<?> elements = elementsOf(value);
        if (elements == null) {
            throw mismatch(value, collectionType);
        }
        Collection<Object> out = newCollection(collectionType);
        for (Object element : elements) {
            out.add(convert(element, elementType));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Collection<Object> newCollection(Class<?> collectionType) {
        if (collectionType.isInterface() || java.lang.reflect.Modifier.isAbstract(collectionType.getModifiers())) {
            if (SortedSet.class.isAssignableFrom(collectionType)) {
                return new TreeSet<>();
            }
            if (Set.class.isAssignableFrom(collectionType)) {
                return new LinkedHashSet<>();
            }
            return new ArrayList<>();
        }
        try {
            return (Collection<Object>) collectionType.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MismatchException("cannot create a " + collectionType.getName());
        }
    }

    private static Object number(Object value, Class<?> target) {
        Number number = (Number) value;
        if (target == Double.class) {
            return number.doubleValue();
        }
        if (target == Float.class) {
            return number.floatValue();
        }
        if (target == BigDecimal.class) {
            return new BigDecimal(number.toString());
        }
        Long integral = integral(number);
        if (integral == null) {
            throw mismatch(value, target);
        }
        long l = integral;
        if (target == Long.class) {
            return l;
        }
        if (target == Integer.class && l == (int) l) {
            return (int) l;
        }
        if (target == Short.class && l == (short) l) {
            return (short) l;
        }
        if (target == Byte.class && l == (byte) l) {
            return (byte) l;
        }
        if (target == BigInteger.class) {
            return BigInteger.valueOf(l);
        }
        throw mismatch(value, target);
    }

    private static Long integral(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 ? (long) d : null;
        }
        if (number instanceof BigInteger) {
            return ((BigInteger) number).bitLength() < 64 ? number.longValue() : null;
        }
        if (number instanceof BigDecimal) {
            try {
                return ((BigDecimal) number).longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return number.longValue();
    }

    private static Object time(Object value, Class<?> target) {
        if (target == LocalDate.class) {
            if (value instanceof java.sql.Date) {
                return ((java.sql.Date) value).toLocalDate();
            }
            return value instanceof String ? LocalDate.parse((String) value) : null;
        }
        Instant instant = instantOf(value);
        if (instant == null) {
            return null;
        }
        if (target == Instant.class) {
            return instant;
        }
        if (target == Date.class) {
            return Date.from(instant);
        }
        if (target == OffsetDateTime.class) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (target == ZonedDateTime.class) {
            return instant.atZone(ZoneOffset.UTC);
        }
        if (target == LocalDateTime.class) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return null;
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof Date) {
            // getTime(), not toInstant(): java.sql.Date.toInstant() throws
            return Instant.ofEpochMilli(((Date) value).getTime());
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        if (value instanceof String) {
            try {
                return ZonedDateTime.parse((String) value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> enumType, String name) {
        try {
            return Enum.valueOf((Class) enumType, name);
        } catch (IllegalArgumentException e) {
            throw mismatch(name, enumType);
        }
    }

    /** Elements of a collection or Java array (primitive arrays boxed), or null. */
    static List<?> elementsOf(Object value) {
        if (value instanceof List) {
            return (List<?>) value;
        }
        if (value instanceof Collection) {
            return new ArrayList<>((Collection<?>) value);
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> out = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        return null;
    }

    static boolean isPlatformType(Class<?> type) {
        String name = type.getName();
        return type.isPrimitive() || type.isArray() || name.startsWith("java.") || name.startsWith("javax.");
    }

    static Class<?> rawOf(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return rawOf(((ParameterizedType) type).getRawType());
        }
        if (type instanceof GenericArrayType) {
            return Array.newInstance(rawOf(((GenericArrayType) type).getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType) {
            return rawOf(((WildcardType) type).getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable) {
            Type[] bounds = ((TypeVariable<?>) type).getBounds();
            return bounds.length == 0 ? Object.class : rawOf(bounds[0]);
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType) {
            Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
            if (index < arguments.length) {
                return arguments[index];
            }
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0).getClass();
    }

    private static Object zero(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0);
    }

    private static MismatchException mismatch(Object value, Type target) {
        return new MismatchException("cannot convert " + value.getClass().getSimpleName() + " "
                + Names.shorten(value instanceof float[] ? java.util.Arrays.toString((float[]) value) : value)
                + " to " + target.getTypeName());
    }
}
