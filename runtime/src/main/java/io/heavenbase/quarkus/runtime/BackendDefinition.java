package io.heavenbase.quarkus.runtime;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * What the build knows of one configured backend and hands to the running application: its name, its type
 * (explicit or from the preset) and, for SQL server types, which Agroal datasource it may take connections
 * from.
 */
public final class BackendDefinition {

    private final String name;
    private final String type;
    private final String dataSource;
    private final boolean dataSourceExplicit;

    /**
     * @param name the backend name
     * @param type the backend type key
     * @param dataSource the Agroal datasource name ({@code <default>} for the default one), or null for none
     * @param dataSourceExplicit whether {@code heavenbase.backends."name".datasource} named it; otherwise it
     *        is the default datasource, used only when no {@code url} is configured
     */
    @RecordableConstructor
    public BackendDefinition(String name, String type, String dataSource, boolean dataSourceExplicit) {
        this.name = name;
        this.type = type;
        this.dataSource = dataSource;
        this.dataSourceExplicit = dataSourceExplicit;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getDataSource() {
        return dataSource;
    }

    public boolean isDataSourceExplicit() {
        return dataSourceExplicit;
    }

    /** The full property name of one of this backend's keys, for messages. */
    public String property(String key) {
        return "heavenbase.backends." + name + "." + key;
    }
}
