package io.heavenbase.engine;

import io.heavenbase.AuditReport;
import io.heavenbase.BackendHealth;
import io.heavenbase.Backends;
import io.heavenbase.Catalog;
import io.heavenbase.Filter;
import io.heavenbase.HeavenBaseException;
import io.heavenbase.MetaSchema;
import io.heavenbase.Query;
import io.heavenbase.RegisterOption;
import io.heavenbase.RepairReport;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.WorkspaceCapabilities;
import io.heavenbase.capability.CapabilityView;
import io.heavenbase.query.QueryJson;
import io.heavenbase.query.QuerySpec;
import io.heavenbase.query.QueryValidator;
import io.heavenbase.routing.PlacementRules;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.ObjectIds;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.system.LegacyCatalogTable;
import io.heavenbase.system.MetaSchemaWriter;
import io.heavenbase.system.SequenceClock;
import io.heavenbase.system.StoredFieldRow;
import io.heavenbase.system.SystemEntities;
import io.heavenbase.system.SystemTable;
import io.heavenbase.system.WriteJournal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The engine's {@link Workspace}. One read-write lock guards it: queries, gets and counts share
 * the read lock and run in parallel; writes, registration, repair, refresh and drop take the write
 * lock, so a reader never observes a row half written across backends.
 */
public final class EngineWorkspace implements Workspace {

    private static final System.Logger LOG = System.getLogger(EngineWorkspace.class.getName());

    private final String id;
    private final NamedBackends backends;
    private final PlacementRules rules;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoragePlan> plans = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> classes = new ConcurrentHashMap<>();
    private final WriteJournal journal;
    private final MetaSchemaWriter metaSchema;
    private final CatalogView catalog;
    private final WriteCoordinator writes;
    private final Auditor auditor;
    private final QueryEngine.ReadGuard readGuard = new QueryEngine.ReadGuard() {
        @Override
        public <T> T read(Supplier<T> read) {
            return readLocked(read);
        }
    };
    private volatile boolean closed;
    /** Set by {@link #drop()}: the system tables are gone and are created again on the next use. */
    private volatile boolean systemTablesDropped;

    EngineWorkspace(String id, Map<String, Backend> opened) {
        this.id = id;
        this.backends = new NamedBackends(opened);
        this.rules = PlacementRules.of(backends.asMap());
        Backend home = backends.get(rules.defaultBackend());
        Map<String, SystemTable> system = new LinkedHashMap<>();
        for (EntitySchema schema : SystemEntities.stored()) {
            StoragePlan plan = ensure(schema);
            system.put(schema.id(), new SystemTable(home, plan.part(plan.home())));
        }
        classes.put(MetaSchema.class, MetaSchema.ENTITY_ID);
        this.journal = new WriteJournal(system.get(SystemEntities.JOURNAL_ID), new SequenceClock());
        this.metaSchema = new MetaSchemaWriter(system.get(MetaSchema.ENTITY_ID));
        this.catalog = new CatalogView(this::userPlans, backends.asMap(), readGuard);
        StoragePlan legacyCatalog = rules.plan(SystemEntities.catalog());
        LegacyCatalogTable.dropIfPresent(id, legacyCatalog,
                new SystemTable(home, legacyCatalog.part(legacyCatalog.home())), metaSchema);
        this.writes = new WriteCoordinator(backends.asMap(), journal);
        this.auditor = new Auditor(backends.asMap(), journal, writes);
        metaSchema.backendsAndEntities(backends.asMap(), plans.values());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Backends backends() {
        return backends;
    }

    @Override
    public EntitySchema register(Class<?> entityClass) {
        return register(entityClass, new RegisterOption[0]);
    }

    @Override
    public EntitySchema register(Class<?> entityClass, RegisterOption... options) {
        if (entityClass == Catalog.class) {
            return CatalogView.schema();
        }
        String known = classes.get(entityClass);
        if (known != null) {
            return plans.get(known).schema();
        }
        EntitySchema schema = register(EntitySchema.fromClass(entityClass), options);
        classes.put(entityClass, schema.id());
        return schema;
    }

    @Override
    public EntitySchema register(EntitySchema schema) {
        return register(schema, new RegisterOption[0]);
    }

    @Override
    public EntitySchema register(EntitySchema schema, RegisterOption... options) {
        if (SystemEntities.isSystem(schema.id())) {
            if (schema.equals(CatalogView.schema())) {
                return CatalogView.schema();
            }
            StoragePlan existing = plans.get(schema.id());
            if (existing != null && existing.schema().equals(schema)) {
                return existing.schema();
            }
            throw new ValidationException(schema.id(), null, "reserved_entity",
                    "entity ids starting with 'sys-' are reserved for system entities: '" + schema.id() + "'");
        }
        boolean migrate = options != null && List.of(options).contains(RegisterOption.MIGRATE);
        return writeLocked(() -> {
            StoragePlan existing = plans.get(schema.id());
            if (existing != null) {
                if (existing.schema().equals(schema)) {
                    return existing.schema();
                }
                if (!migrate) {
                    throw new ValidationException(schema.id(), null, "incompatible_schema",
                            "entity '" + schema.id() + "' is already registered with a different definition: "
                                    + SchemaDifference.describe(existing.schema(), schema)
                                    + "; to change it, register it with RegisterOption.MIGRATE");
                }
            }
            return registerAgainstStored(schema, existing, migrate);
        });
    }

    /**
     * Registers an entity against the structure stored by its last registration (in this or an
     * earlier run): creates added fields, and fails on a changed type, a removed field, a field
     * moved to other backends or a changed analyzer unless asked to migrate.
     */
    private EntitySchema registerAgainstStored(EntitySchema schema, StoragePlan registered, boolean migrate) {
        List<StoredFieldRow> stored = metaSchema.storedFields(schema.id());
        SchemaDrift drift = SchemaDrift.compare(stored, rules.plan(schema));
        if (drift.needsMigration()) {
            if (!migrate) {
                throw drift.failure(id);
            }
            return migrate(schema, registered != null ? registered
                    : DriftMigration.storedPlan(schema.id(), stored, rules), drift);
        }
        StoragePlan plan = ensure(schema);
        metaSchema.entity(plan);
        if (!drift.added().isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "workspace ''{0}'': entity ''{1}'' has new fields {2}; created them"
                    + " (existing rows hold null or the field default)", id, schema.id(), drift.added());
        }
        return plan.schema();
    }

    private EntitySchema migrate(EntitySchema schema, StoragePlan old, SchemaDrift drift) {
        List<Map<String, Object>> rows = DriftMigration.readRows(old, schema, drift, backends.asMap());
        DriftMigration.dropStored(old, backends.asMap());
        metaSchema.forgetFields(schema.id());
        StoragePlan plan = ensure(schema);
        metaSchema.entity(plan);
        DriftMigration.writeBack(plan, rows, writes);
        LOG.log(System.Logger.Level.INFO, "workspace ''{0}'': migrated entity ''{1}'' ({2} rows): changed types {3},"
                + " removed fields {4}, moved fields {5}, added fields {6}, changed analyzers {7}", id, schema.id(),
                rows.size(), drift.changed(), drift.removed(), drift.moved(), drift.added(), drift.reanalyzed());
        return plan.schema();
    }

    private StoragePlan ensure(EntitySchema schema) {
        StoragePlan plan = rules.plan(schema);
        for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            BackendCalls.run(backend, "ensure " + schema.id(), () -> backend.ensure(part.getValue()));
        }
        plans.put(schema.id(), plan);
        return plan;
    }

    @Override
    public String upsert(Object entity, Map<String, ?> row) {
        return upsertMany(entity, java.util.Collections.singletonList(row)).get(0);
    }

    @Override
    public List<String> upsertMany(Object entity, List<? extends Map<String, ?>> rows) {
        StoragePlan plan = resolveWritable(entity);
        if (rows == null) {
            throw new ValidationException(plan.entityId(), null, "rows", "upsertMany needs a list of rows, got null");
        }
        List<String> ids = new ArrayList<>(rows.size());
        List<Map<String, Object>> normalized = new ArrayList<>(rows.size());
        Set<String> seen = new HashSet<>(Math.max(16, (int) (rows.size() / 0.75f) + 1));
        boolean distinct = true;
        for (Map<String, ?> row : rows) {
            Map<String, Object> canonical = RowNormalizer.normalize(plan.schema(), row);
            String objectId = (String) canonical.get(Names.OBJECT_ID);
            ids.add(objectId);
            normalized.add(canonical);
            distinct &= seen.add(objectId);
        }
        List<Map<String, Object>> written = distinct ? normalized : lastPerId(normalized);
        writeLocked(() -> {
            writes.upsert(plan, written);
            return null;
        });
        return ids;
    }

    /** One row per id, where the first occurrence was, holding the id's last row (as a map of rows would). */
    private static List<Map<String, Object>> lastPerId(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            unique.put((String) row.get(Names.OBJECT_ID), row);
        }
        return new ArrayList<>(unique.values());
    }

    @Override
    public Optional<Row> get(Object entity, String objectId) {
        if (isCatalog(entity)) {
            ensureOpen();
            return catalog.get(objectId);
        }
        StoragePlan plan = resolve(entity);
        requireId(plan, objectId);
        return readLocked(() -> read(plan, objectId));
    }

    private Optional<Row> read(StoragePlan plan, String objectId) {
        if (plan.parts().size() == 1) {
            return readOnePart(plan, objectId);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
            Backend backend = backends.get(part.getKey());
            List<String> fields = new ArrayList<>();
            part.getValue().fields().forEach(f -> fields.add(f.name()));
            Map<String, Map<String, Object>> found = BackendCalls.call(backend, "fetch " + plan.entityId(),
                    () -> backend.fetch(part.getValue(), List.of(objectId), fields));
            Map<String, Object> row = found.get(objectId);
            if (row == null) {
                if (part.getKey().equals(plan.home())) {
                    return Optional.empty();
                }
                continue;
            }
            for (String field : fields) {
                if (plan.placement(field).backend().equals(part.getKey())) {
                    values.put(field, row.get(field));
                }
            }
        }
        List<String> names = plan.schema().fieldNames();
        Row.Builder ordered = Row.builder(names.size());
        for (String field : names) {
            ordered.put(field, field.equals(Names.OBJECT_ID) ? objectId : values.get(field));
        }
        return Optional.of(ordered.build());
    }

    /** {@link #read} of an entity stored whole on one backend: its row is the result, no merge. */
    private Optional<Row> readOnePart(StoragePlan plan, String objectId) {
        Backend backend = backends.get(plan.home());
        EntityLayout layout = plan.part(plan.home());
        Map<String, Map<String, Object>> found = BackendCalls.call(backend, "fetch " + plan.entityId(),
                () -> backend.fetch(layout, List.of(objectId), layout.fieldNames()));
        Map<String, Object> row = found.get(objectId);
        if (row == null) {
            return Optional.empty();
        }
        List<String> names = plan.schema().fieldNames();
        Row.Builder ordered = Row.builder(names.size());
        for (String field : names) {
            ordered.put(field, field.equals(Names.OBJECT_ID) ? objectId : row.get(field));
        }
        return Optional.of(ordered.build());
    }

    @Override
    public boolean set(Object entity, String objectId, Map<String, ?> patch) {
        StoragePlan plan = resolveWritable(entity);
        requireId(plan, objectId);
        RowNormalizer.checkPatch(plan.schema(), objectId, patch);
        return writeLocked(() -> {
            Optional<Row> existing = read(plan, objectId);
            if (existing.isEmpty()) {
                return false;
            }
            Map<String, Object> merged = new LinkedHashMap<>(existing.get());
            merged.putAll(patch);
            writes.upsert(plan, List.of(RowNormalizer.normalize(plan.schema(), merged)));
            return true;
        });
    }

    @Override
    public boolean delete(Object entity, String objectId) {
        StoragePlan plan = resolveWritable(entity);
        requireId(plan, objectId);
        return writeLocked(() -> {
            Backend home = backends.get(plan.home());
            EntityLayout layout = plan.part(plan.home());
            boolean exists = BackendCalls.call(home, "fetch " + plan.entityId(),
                    () -> home.fetch(layout, List.of(objectId), List.of())).containsKey(objectId);
            if (exists || writes.pendingWrite(plan, objectId)) {
                writes.delete(plan, List.of(objectId));
            }
            return exists;
        });
    }

    @Override
    public long delete(Object entity, Filter filter) {
        StoragePlan plan = resolve(entity);
        if (filter == null) {
            throw new ValidationException(plan.entityId(), "filter", "required",
                    "entity '" + plan.entityId() + "': delete by filter needs a filter, got null");
        }
        return deleteWhere(plan, QuerySpec.empty().withFilter(filter.expr()));
    }

    @Override
    public long deleteJson(Object entity, String json) {
        StoragePlan plan = resolve(entity);
        return deleteWhere(plan, DeleteJson.filterOnly(plan.entityId(), QueryJson.parse(json)));
    }

    @Override
    public long deleteJson(Object entity, Map<String, ?> json) {
        StoragePlan plan = resolve(entity);
        return deleteWhere(plan, DeleteJson.filterOnly(plan.entityId(), QueryJson.fromMap(json)));
    }

    /** Deletes the rows matching the spec's filter, found and deleted under the write lock. */
    private long deleteWhere(StoragePlan plan, QuerySpec raw) {
        QuerySpec spec = QueryValidator.validate(plan.schema(), raw);
        FilterEvaluation filters = new FilterEvaluation(new EntityParts(plan, backends.asMap()),
                new LeafRouting(plan, backends.asMap()));
        return writeLocked(() -> {
            List<String> ids = new ArrayList<>(filters.ids(spec.filter(), null));
            ids.sort(String::compareTo);
            writes.delete(plan, ids);
            return (long) ids.size();
        });
    }

    @Override
    public long count(Object entity) {
        if (isCatalog(entity)) {
            ensureOpen();
            return catalog.count(QuerySpec.empty());
        }
        StoragePlan plan = resolve(entity);
        return readLocked(() -> new EntityParts(plan, backends.asMap()).count());
    }

    @Override
    public Query query(Object entity) {
        if (isCatalog(entity)) {
            ensureOpen();
            return new Query(catalog, QuerySpec.empty());
        }
        StoragePlan plan = resolve(entity);
        return new Query(new QueryEngine(plan, backends.asMap(), readGuard), QuerySpec.empty());
    }

    @Override
    public ResultFrame queryJson(Object entity, String json) {
        if (isCatalog(entity)) {
            ensureOpen();
            return catalog.execute(QueryJson.parse(json));
        }
        StoragePlan plan = resolve(entity);
        return new QueryEngine(plan, backends.asMap(), readGuard).execute(QueryJson.parse(json));
    }

    @Override
    public ResultFrame queryJson(Object entity, Map<String, ?> json) {
        if (isCatalog(entity)) {
            ensureOpen();
            return catalog.execute(QueryJson.fromMap(json));
        }
        StoragePlan plan = resolve(entity);
        return new QueryEngine(plan, backends.asMap(), readGuard).execute(QueryJson.fromMap(json));
    }

    @Override
    public AuditReport audit() {
        return writeLocked(() -> auditor.audit(plans.values()));
    }

    @Override
    public RepairReport repair() {
        return writeLocked(() -> auditor.repair(plans));
    }

    @Override
    public void refresh() {
        writeLocked(() -> {
            for (Backend backend : backends.asMap().values()) {
                BackendCalls.run(backend, "refresh", backend::refresh);
            }
            return null;
        });
    }

    /**
     * Drops every structure, the system tables included, so nothing is left on the backends; the
     * system tables come back on the next use of this instance (see {@link #writeLocked}).
     */
    @Override
    public void drop() {
        ensureOpen();
        locked(lock.writeLock(), () -> {
            for (StoragePlan plan : plans.values()) {
                for (Map.Entry<String, EntityLayout> part : plan.parts().entrySet()) {
                    Backend backend = backends.get(part.getKey());
                    BackendCalls.run(backend, "drop " + plan.entityId(), () -> backend.drop(part.getValue()));
                }
            }
            plans.keySet().removeIf(entityId -> !SystemEntities.isSystem(entityId));
            classes.values().removeIf(entityId -> !SystemEntities.isSystem(entityId));
            systemTablesDropped = true;
            return null;
        });
    }

    @Override
    public WorkspaceCapabilities capabilities() {
        List<CapabilityView.Entry> entries = new ArrayList<>();
        for (Backend backend : backends.asMap().values()) {
            entries.add(new CapabilityView.Entry(backend.name(), backend.type(), backend.capabilities()));
        }
        return new CapabilityView(entries);
    }

    @Override
    public List<BackendHealth> health() {
        List<BackendHealth> out = new ArrayList<>();
        for (Backend backend : backends.asMap().values()) {
            out.add(HealthProbe.probe(backend));
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        locked(lock.writeLock(), () -> {
            if (closed) {
                return null;
            }
            closed = true;
            HeavenBaseException failure = null;
            for (Backend backend : backends.asMap().values()) {
                try {
                    backend.close();
                } catch (RuntimeException e) {
                    failure = failure != null ? failure
                            : new HeavenBaseException("closing backend '" + backend.name() + "' failed", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return null;
        });
    }

    /** The storage plan of a registered entity (used by integrations such as the Quarkus Dev UI). */
    public Optional<StoragePlan> plan(String entityId) {
        return Optional.ofNullable(plans.get(entityId));
    }

    /** Registered user entity ids. */
    public List<String> entities() {
        List<String> out = new ArrayList<>();
        for (String entityId : plans.keySet()) {
            if (!SystemEntities.isSystem(entityId)) {
                out.add(entityId);
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    private List<StoragePlan> userPlans() {
        List<StoragePlan> out = new ArrayList<>();
        for (String entityId : entities()) {
            StoragePlan plan = plans.get(entityId);
            if (plan != null) {
                out.add(plan);
            }
        }
        return out;
    }

    /** Whether {@code entity} names the {@code sys-catalog} view (its class, id or schema). */
    private static boolean isCatalog(Object entity) {
        return entity == Catalog.class || Catalog.ENTITY_ID.equals(entity)
                || (entity instanceof EntitySchema && CatalogView.schema().equals(entity));
    }

    private StoragePlan resolveWritable(Object entity) {
        if (isCatalog(entity)) {
            ensureOpen();
            throw new ValidationException(Catalog.ENTITY_ID, null, "read_only", "entity '" + Catalog.ENTITY_ID
                    + "' is derived from the rows of the other entities and cannot be written; write those instead");
        }
        return resolve(entity);
    }

    private StoragePlan resolve(Object entity) {
        ensureOpen();
        if (entity instanceof String) {
            StoragePlan plan = plans.get(entity);
            if (plan == null) {
                throw new ValidationException(Names.shorten(entity), null, "unknown_entity",
                        "entity '" + Names.shorten(entity) + "' is not registered in workspace '" + id + "'");
            }
            return plan;
        }
        if (entity instanceof Class) {
            return plans.get(register((Class<?>) entity).id());
        }
        if (entity instanceof EntitySchema) {
            EntitySchema schema = (EntitySchema) entity;
            StoragePlan plan = plans.get(schema.id());
            return plan != null && plan.schema().equals(schema) ? plan : plans.get(register(schema).id());
        }
        throw new ValidationException(null, null, "entity",
                "entity must be a Class, an EntitySchema or an entity id, got "
                        + (entity == null ? "null" : entity.getClass().getName()));
    }

    private static void requireId(StoragePlan plan, String objectId) {
        ObjectIds.require(plan.entityId(), objectId);
    }

    private void ensureOpen() {
        if (closed) {
            throw new HeavenBaseException("workspace '" + id + "' is closed");
        }
    }

    private <T> T writeLocked(Supplier<T> write) {
        ensureOpen();
        return locked(lock.writeLock(), () -> {
            recreateDroppedSystemTables();
            return write.get();
        });
    }

    private <T> T readLocked(Supplier<T> read) {
        if (systemTablesDropped) {
            writeLocked(() -> null);
        }
        return locked(lock.readLock(), read);
    }

    /** Called under the write lock: a use after {@link #drop()} gets the system tables back. */
    private void recreateDroppedSystemTables() {
        if (systemTablesDropped) {
            for (EntitySchema schema : SystemEntities.stored()) {
                ensure(schema);
            }
            systemTablesDropped = false;
        }
    }

    private static <T> T locked(java.util.concurrent.locks.Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
