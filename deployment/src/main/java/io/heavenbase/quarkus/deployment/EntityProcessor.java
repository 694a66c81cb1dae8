package io.heavenbase.quarkus.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;

import io.heavenbase.Catalog;
import io.heavenbase.HeavenEntity;
import io.heavenbase.MetaSchema;
import io.heavenbase.ValidationException;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Finds the {@code @HeavenEntity} classes in the index, compiles their schemas and places every field on the
 * configured backends, so that a placement a backend cannot serve fails the build with the engine's message
 * (entity, field, backend and the missing capability).
 */
class EntityProcessor {

    private static final DotName HEAVEN_ENTITY = DotName.createSimple(HeavenEntity.class);
    /** The workspace registers its system entities itself. */
    private static final Set<String> SYSTEM_ENTITIES = Set.of(Catalog.class.getName(), MetaSchema.class.getName());

    @BuildStep
    HeavenEntitiesBuildItem discoverEntities(CombinedIndexBuildItem index, ConfiguredBackendsBuildItem backends) {
        List<String> classNames = new ArrayList<>();
        for (AnnotationInstance annotation : index.getIndex().getAnnotations(HEAVEN_ENTITY)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS) {
                String className = annotation.target().asClass().name().toString();
                if (!SYSTEM_ENTITIES.contains(className)) {
                    classNames.add(className);
                }
            }
        }
        classNames.sort(String::compareTo);
        Map<String, String> classByEntityId = new HashMap<>();
        Map<String, StoragePlan> plans = new LinkedHashMap<>();
        PlacementRules rules = backends.isEmpty() ? null : backends.placementRules();
        for (String className : classNames) {
            EntitySchema schema = EntitySchema.fromClass(load(className));
            String other = classByEntityId.putIfAbsent(schema.id(), className);
            if (other != null) {
                throw new ValidationException(schema.id(), null, "duplicate_entity", "entity '" + schema.id()
                        + "' is declared by both " + other + " and " + className);
            }
            if (rules != null) {
                plans.put(className, rules.plan(schema));
            }
        }
        return new HeavenEntitiesBuildItem(classNames, plans);
    }

    /** Entities are read and instantiated reflectively by the engine's row mapper. */
    @BuildStep
    ReflectiveClassBuildItem registerForReflection(HeavenEntitiesBuildItem entities) {
        return ReflectiveClassBuildItem.builder(entities.classNames().toArray(new String[0]))
                .constructors().methods().fields().build();
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("indexed entity class " + className + " cannot be loaded", e);
        }
    }
}
