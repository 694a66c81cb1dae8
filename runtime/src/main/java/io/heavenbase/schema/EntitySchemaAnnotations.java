package io.heavenbase.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.heavenbase.Field;
import io.heavenbase.HeavenEntity;
import io.heavenbase.Store;
import io.heavenbase.ValidationException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles annotated classes and records into an {@link EntitySchema}. Fields come from the
 * record components, or from the declared instance fields (not static, not transient) of the class
 * and its superclasses, superclass first, each in declaration order. Only members carrying
 * {@link Field} become entity fields.
 */
final class EntitySchemaAnnotations {

    private EntitySchemaAnnotations() {
    }

    static EntitySchema fromClass(Class<?> type) {
        if (type == null) {
            throw new ValidationException(null, null, "entity_class", "an entity class is required");
        }
        HeavenEntity entity = type.getAnnotation(HeavenEntity.class);
        String id = entity != null && !entity.value().isEmpty() ? entity.value() : Names.kebab(type.getSimpleName());
        EntitySchema.Builder builder = EntitySchema.builder(id).desc(entity == null ? "" : entity.desc())
                .javaType(type);
        int declared = 0;
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                declared += addIfAnnotated(builder, id, component, component.getName());
            }
        } else {
            for (Class<?> level : hierarchy(type)) {
                for (java.lang.reflect.Field field : level.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                        declared += addIfAnnotated(builder, id, field, field.getName());
                    }
                }
            }
        }
        if (declared == 0) {
            throw new ValidationException(id, null, "no_fields", "class " + type.getName()
                    + " declares no @io.heavenbase.Field members, so it cannot be compiled into entity '" + id + "'");
        }
        return builder.build();
    }

    /** Superclasses first, the class itself last, without Object. */
    private static Deque<Class<?>> hierarchy(Class<?> type) {
        Deque<Class<?>> levels = new ArrayDeque<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            levels.addFirst(level);
        }
        return levels;
    }

    private static int addIfAnnotated(EntitySchema.Builder builder, String entity, AnnotatedElement member,
            String javaName) {
        Field field = member.getAnnotation(Field.class);
        if (field == null) {
            return 0;
        }
        String name = field.name().isEmpty() ? javaName : field.name();
        DType dtype = dtypeOf(field.value(), entity, name);
        Object defaultValue = defaultOf(field.defaultValue(), entity, name);
        Store store = member.getAnnotation(Store.class);
        builder.field(name, dtype, settings -> {
            settings.desc(field.desc()).required(field.required()).defaultValue(defaultValue)
                    .fullText(field.fullText()).analyzer(field.analyzer());
            if (store != null && !store.to().isEmpty()) {
                settings.store(store.to(), store.strategy().isEmpty() ? null : store.strategy());
            } else if (store != null && !store.strategy().isEmpty()) {
                settings.strategy(store.strategy());
            }
        });
        return 1;
    }

    private static DType dtypeOf(String spelling, String entity, String field) {
        try {
            return DType.parse(spelling);
        } catch (ValidationException e) {
            throw new ValidationException(entity, field, e.rule(),
                    "entity '" + entity + "' field '" + field + "': " + e.getMessage());
        }
    }

    private static Object defaultOf(String json, String entity, String field) {
        if (json.isEmpty()) {
            return null;
        }
        try {
            return PlainJson.read(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException(entity, field, "default_value", "entity '" + entity + "' field '" + field
                    + "': defaultValue must be JSON text (quote strings: \"\\\"draft\\\"\"), got "
                    + Names.shorten(json));
        }
    }
}
