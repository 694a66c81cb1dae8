package io.heavenbase.spi.support;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.FilterBudget;

/**
 * The identity of a {@link Backend} (its configured name, its type, its capabilities and the largest filter it
 * takes) given once to the constructor, so a backend only implements its storage operations.
 */
public abstract class BackendBase implements Backend {

    private final String name;
    private final String type;
    private final CapabilityTable capabilities;
    private final FilterBudget filterBudget;

    /** A backend that takes filters up to {@link FilterBudget#DEFAULT}. */
    protected BackendBase(String name, String type, CapabilityTable capabilities) {
        this(name, type, capabilities, FilterBudget.DEFAULT);
    }

    /** A backend whose native filter path takes filters up to {@code filterBudget}. */
    protected BackendBase(String name, String type, CapabilityTable capabilities, FilterBudget filterBudget) {
        this.name = name;
        this.type = type;
        this.capabilities = capabilities;
        this.filterBudget = filterBudget;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final CapabilityTable capabilities() {
        return capabilities;
    }

    @Override
    public final FilterBudget filterBudget() {
        return filterBudget;
    }
}
