package io.heavenbase.schema;

import io.heavenbase.ValidationException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The reflective view {@link RowMapper} needs of one class or record: how to create an instance
 * and, per Java member, the row keys it answers to. A member answers to its {@code @Field(name)}
 * when given, else to its Java name and that name in snake_case ({@code objectId} is also
 * {@code object_id}). Computed once per class.
 */
final class MappedClass {

    /** Per class, not a map keyed by Class: a ClassValue does not pin class loaders (Quarkus dev-mode reload). */
    private static final ClassValue<MappedClass> CACHE = new ClassValue<>() {
        @Override
        protected MappedClass computeValue(Class<?> type) {
            return new MappedClass(type);
        }
    };

    /** One Java member (field or record component) and the row keys it reads and writes. */
    static final class Slot {
        final String javaName;
        final List<String> rowKeys;
        final Type type;
        private final java.lang.reflect.Field field;
        private final Method accessor;

        Slot(String javaName, List<String> rowKeys, Type type, java.lang.reflect.Field field, Method accessor) {
            this.javaName = javaName;
            this.rowKeys = rowKeys;
            this.type = type;
            this.field = field;
            this.accessor = accessor;
        }

        Object read(Object instance) {
            try {
                return field != null ? field.get(instance) : accessor.invoke(instance);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw failure(instance.getClass(), "cannot read '" + javaName + "'", e);
            }
        }

        void write(Object instance, Object value) {
            try {
                field.set(instance, value);
            } catch (IllegalAccessException e) {
                throw failure(instance.getClass(), "cannot set field '" + javaName + "'", e);
            }
        }
    }

    final Class<?> type;
    final List<Slot> slots;
    private final Constructor<?> constructor;
    private final String problem;

    private MappedClass(Class<?> type) {
        this.type = type;
        List<Slot> found = new ArrayList<>();
        Constructor<?> creator = null;
        String why = null;
        try {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] parameterTypes = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent component = components[i];
                    parameterTypes[i] = component.getType();
                    Method accessor = accessible(component.getAccessor());
                    found.add(new Slot(component.getName(), rowKeys(component.getName(),
                            component.getAnnotation(io.heavenbase.Field.class)), component.getGenericType(), null,
                            accessor));
                }
                creator = accessible(type.getDeclaredConstructor(parameterTypes));
            } else {
                for (Class<?> level : hierarchy(type)) {
                    for (java.lang.reflect.Field field : level.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                            found.add(new Slot(field.getName(), rowKeys(field.getName(),
                                    field.getAnnotation(io.heavenbase.Field.class)), field.getGenericType(),
                                    accessible(field), null));
                        }
                    }
                }
                if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                    why = "it is abstract";
                } else {
                    creator = accessible(type.getDeclaredConstructor());
                }
            }
        } catch (NoSuchMethodException e) {
            why = "it has no no-arg constructor";
        } catch (RuntimeException e) {
            why = "its members are not accessible (" + e.getMessage() + ")";
        }
        this.slots = List.copyOf(found);
        this.constructor = creator;
        this.problem = why;
    }

    static MappedClass of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The slot answering to a row key, preferring a slot whose first key is an exact match. */
    Slot slotFor(String rowKey) {
        Slot fallback = null;
        for (Slot slot : slots) {
            if (slot.rowKeys.get(0).equals(rowKey)) {
                return slot;
            }
            if (fallback == null && slot.rowKeys.contains(rowKey)) {
                fallback = slot;
            }
        }
        return fallback;
    }

    Object newInstance(Object... arguments) {
        if (constructor == null) {
            throw new ValidationException(null, null, "row_mapping", "cannot map rows onto class " + type.getName()
                    + ": " + (problem == null ? "it cannot be instantiated" : problem)
                    + "; use a record or a class with a no-arg constructor");
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
            throw failure(type, "cannot create an instance", e);
        } catch (InvocationTargetException e) {
            throw failure(type, "its constructor failed: " + e.getCause(), e.getCause());
        }
    }


    private static List<String> rowKeys(String javaName, io.heavenbase.Field annotation) {
        if (annotation != null && !annotation.name().isEmpty()) {
            return List.of(annotation.name());
        }
        String snake = snakeCase(javaName);
        return snake.equals(javaName) ? List.of(javaName) : List.of(javaName, snake);
    }

    private static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Deque<Class<?>> hierarchy(Class<?> type) {
        Deque<Class<?>> levels = new ArrayDeque<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            levels.addFirst(level);
        }
        return levels;
    }

    private static <T extends AccessibleObject & Member> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    static ValidationException failure(Class<?> type, String reason, Throwable cause) {
        ValidationException error = new ValidationException(null, null, "row_mapping",
                "cannot map class " + type.getName() + ": " + reason);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }
}
