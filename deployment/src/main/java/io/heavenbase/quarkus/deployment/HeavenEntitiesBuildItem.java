package io.heavenbase.quarkus.deployment;

import java.util.List;
import java.util.Map;

import io.heavenbase.routing.StoragePlan;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The {@code @HeavenEntity} classes of the application, compiled and placed on the configured backends at
 * build time. The workspace registers the classes at startup without scanning anything.
 */
public final class HeavenEntitiesBuildItem extends SimpleBuildItem {

    private final List<String> classNames;
    private final Map<String, StoragePlan> plans;

    HeavenEntitiesBuildItem(List<String> classNames, Map<String, StoragePlan> plans) {
        this.classNames = List.copyOf(classNames);
        this.plans = Map.copyOf(plans);
    }

    /** Entity class names, sorted. */
    public List<String> classNames() {
        return classNames;
    }

    /** Storage plans by entity class name; empty when no backend is configured. */
    public Map<String, StoragePlan> plans() {
        return plans;
    }
}
