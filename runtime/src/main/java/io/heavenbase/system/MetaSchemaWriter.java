package io.heavenbase.system;

import io.heavenbase.MetaSchema;
import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.schema.ObjectIds;
import io.heavenbase.spi.Backend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the {@code sys-metaschema} rows describing entities, field placements and backends. */
public final class MetaSchemaWriter {

    private final SystemTable table;

    public MetaSchemaWriter(SystemTable table) {
        this.table = table;
    }

    /**
     * The rows describing each backend and those of {@link #entity} for each plan, in one write: what opening a
     * workspace records. One write is one statement on SQL backends that send many rows at once, and
     * some (Trino) plan and commit every statement slowly.
     */
    public void backendsAndEntities(Map<String, Backend> backends, Collection<StoragePlan> plans) {
        List<Map<String, Object>> rows = backendRows(backends);
        for (StoragePlan plan : plans) {
            rows.addAll(rows(plan));
        }
        table.upsert(rows);
    }

    public void entity(StoragePlan plan) {
        table.upsert(rows(plan));
    }

    /** Whether the table holds the entity row {@link #entity} writes for {@code plan}. */
    public boolean describes(StoragePlan plan) {
        String entityRow = (String) rows(plan).get(0).get("object_id");
        return !table.fetch(List.of(entityRow), List.of()).isEmpty();
    }

    /**
     * The {@code field} rows stored for {@code entityId}, ordered by field and backend; empty when
     * the entity was never registered in this workspace (or its rows were dropped). Reads the whole
     * table: it holds a few rows per field, and registration is rare.
     */
    public List<StoredFieldRow> storedFields(String entityId) {
        List<StoredFieldRow> out = new ArrayList<>();
        Map<String, Map<String, Object>> rows = table.rows(
                List.of("kind", "entity", "field", "dtype", "backend", "strategy", "analyzer"));
        for (Map<String, Object> row : rows.values()) {
            if ("field".equals(row.get("kind")) && entityId.equals(row.get("entity")) && row.get("field") != null
                    && row.get("dtype") != null) {
                out.add(new StoredFieldRow((String) row.get("field"), (String) row.get("dtype"),
                        (String) row.get("backend"), (String) row.get("strategy"), (String) row.get("analyzer")));
            }
        }
        out.sort(Comparator.comparing(StoredFieldRow::field).thenComparing(f -> String.valueOf(f.backend())));
        return out;
    }

    /** Deletes every {@code field} row of {@code entityId}, whatever plan wrote it. */
    public void forgetFields(String entityId) {
        List<String> ids = new ArrayList<>();
        for (StoredFieldRow field : storedFields(entityId)) {
            ids.add(fieldRowId(entityId, field.field(), field.backend()));
        }
        table.delete(ids);
    }

    /** Deletes the rows {@link #entity} writes for {@code plan}. */
    public void forget(StoragePlan plan) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : rows(plan)) {
            ids.add((String) row.get("object_id"));
        }
        table.delete(ids);
    }

    private static List<Map<String, Object>> backendRows(Map<String, Backend> backends) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Backend backend : backends.values()) {
            rows.add(row("backend", backend.name(), null, null, backend.type(), backend.name(), null, ""));
        }
        return rows;
    }

    private static List<Map<String, Object>> rows(StoragePlan plan) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String entity = plan.entityId();
        rows.add(row("entity", entity, entity, null, null, plan.home(), null, plan.schema().desc()));
        for (FieldSchema field : plan.schema().fields()) {
            List<Placement> placements = plan.placements(field.name());
            if (placements.isEmpty()) {
                rows.add(row("field", entity, entity, field.name(), field.dtype().toString(), plan.home(),
                        "InlineColumn", field.desc()));
            }
            for (Placement placement : placements) {
                Map<String, Object> row = row("field", entity, entity, field.name(), field.dtype().toString(),
                        placement.backend(), placement.strategy().id(), field.desc());
                if (field.dtype().kind().isText()) {
                    row.put("full_text", plan.part(placement.backend()).field(field.name()).fullText());
                    row.put("analyzer", field.analyzer().id());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String fieldRowId(String entity, String field, String backend) {
        return (String) row("field", entity, entity, field, null, backend, null, null).get("object_id");
    }

    private static Map<String, Object> row(String kind, String subject, String entity, String field, String dtype,
            String backend, String strategy, String desc) {
        Map<String, Object> row = new LinkedHashMap<>();
        String key = kind + "\u001f" + subject + "\u001f" + (field == null ? "" : field) + "\u001f"
                + (backend == null ? "" : backend);
        row.put("object_id", ObjectIds.fromName(MetaSchema.ENTITY_ID, key));
        row.put("subject_id", subject);
        row.put("kind", kind);
        row.put("entity", entity);
        row.put("field", field);
        row.put("dtype", dtype);
        row.put("backend", backend);
        row.put("strategy", strategy);
        row.put("desc", desc == null || desc.isEmpty() ? null : desc);
        row.put("full_text", null);
        row.put("analyzer", null);
        return row;
    }
}
