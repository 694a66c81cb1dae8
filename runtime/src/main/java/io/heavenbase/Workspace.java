package io.heavenbase;

import io.heavenbase.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One logical data model over several backends. Thread-safe: reads run in parallel, while writes
 * and schema changes hold an exclusive lock so no reader ever sees half a row.
 *
 * <p>Wherever a method takes {@code Object entity} it accepts an entity {@link Class}, an
 * {@link EntitySchema} or a registered entity id string.
 */
public interface Workspace extends AutoCloseable {

    /** The workspace id. */
    String id();

    Backends backends();

    /**
     * Validates the placement of every field against the backends and creates the physical
     * structures. Idempotent for an equal schema; an incompatible schema for a registered id is a
     * {@link ValidationException}.
     *
     * <p>A schema is compared with the structure the workspace stored when the entity was last
     * registered (in this or an earlier run): added fields are created and logged; a changed type
     * or a removed field is a {@link ValidationException} with rule {@code schema_drift} unless
     * {@link RegisterOption#MIGRATE} is given.
     */
    EntitySchema register(Class<?> entityClass);

    /** {@link #register(Class)} for a schema built in code. */
    EntitySchema register(EntitySchema schema);

    /** {@link #register(Class)} with options, e.g. {@link RegisterOption#MIGRATE} to accept schema drift. */
    EntitySchema register(Class<?> entityClass, RegisterOption... options);

    /** {@link #register(EntitySchema)} with options, e.g. {@link RegisterOption#MIGRATE} to accept schema drift. */
    EntitySchema register(EntitySchema schema, RegisterOption... options);

    /** Inserts or replaces one row; returns its object_id. */
    String upsert(Object entity, Map<String, ?> row);

    /** Inserts or replaces rows, batched per backend; all rows are validated before any is written. */
    List<String> upsertMany(Object entity, List<? extends Map<String, ?>> rows);

    /** The whole logical row, rehydrated across backends. */
    Optional<Row> get(Object entity, String objectId);

    /** Partial update of an existing row; false when there is no such row. */
    boolean set(Object entity, String objectId, Map<String, ?> patch);

    /** Deletes from every backend and the catalog; false when there was no such row. */
    boolean delete(Object entity, String objectId);

    /**
     * Deletes every row matching {@code filter} from every backend, journalled like any delete that
     * spans backends, and returns how many rows were deleted. The filter is validated like a query's
     * (a null filter is a {@link ValidationException}); there is no "delete everything" form.
     */
    long delete(Object entity, Filter filter);

    /**
     * {@link #delete(Object, Filter)} with the filter in JSON: {@code {"filter": {...}}}, the filter
     * spelled as in {@link #queryJson}; any other key, or a missing or empty filter, is a
     * {@link ValidationException}. Returns the number of rows deleted.
     */
    long deleteJson(Object entity, String json);

    /** {@link #deleteJson(Object, String)} with the JSON already parsed into maps and lists. */
    long deleteJson(Object entity, Map<String, ?> json);

    long count(Object entity);

    Query query(Object entity);

    ResultFrame queryJson(Object entity, String json);

    ResultFrame queryJson(Object entity, Map<String, ?> json);

    /** Finds drift between catalog, entity rows, backends holding parts of rows, and the journal. */
    AuditReport audit();

    /** Fixes what {@link #audit()} finds. */
    RepairReport repair();

    /** Drops caches and re-reads state written outside this instance. */
    void refresh();

    /** Deletes every structure and row this workspace created. */
    void drop();

    WorkspaceCapabilities capabilities();

    List<BackendHealth> health();

    /** Closes the backends this workspace opened. */
    @Override
    void close();
}
