package io.heavenbase.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Intent records for writes that span several backends. A write records its intent (operation,
 * entity, ids and the canonical rows as JSON) before touching any backend and removes the record
 * after the last backend succeeded. A record that stays behind means the write stopped half way:
 * {@code audit()} reports it and {@code repair()} replays it. The records live in the
 * {@code sys-journal} entity on the default backend, so a durable backend keeps them across
 * restarts.
 */
public final class WriteJournal {

    /** A pending write read back from the journal. */
    public record Entry(String id, String op, String entity, List<String> ids, List<Map<String, Object>> payload) {
    }

    private final SystemTable table;

    public WriteJournal(SystemTable table) {
        this.table = table;
    }

    /** Records intent; returns the entry id to pass to {@link #complete(String)}. */
    public String begin(String op, String entity, List<String> ids, List<Map<String, Object>> encodedRows) {
        String id = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put("op", op);
        row.put("entity", entity);
        row.put("ids", new ArrayList<>(ids));
        row.put("payload", encodedRows == null ? null : new ArrayList<>(encodedRows));
        table.upsert(List.of(row));
        return id;
    }

    public void complete(String entryId) {
        table.delete(List.of(entryId));
    }

    @SuppressWarnings("unchecked")
    public List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        Map<String, Map<String, Object>> rows = table.fetch(table.ids(), List.of("op", "entity", "ids", "payload"));
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            Map<String, Object> values = row.getValue();
            List<String> ids = new ArrayList<>();
            for (Object id : (List<Object>) values.get("ids")) {
                ids.add(String.valueOf(id));
            }
            out.add(new Entry(row.getKey(), (String) values.get("op"), (String) values.get("entity"), ids,
                    (List<Map<String, Object>>) values.get("payload")));
        }
        return out;
    }
}
