package io.heavenbase.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Intent records for writes that span several backends. A write records its intent (sequence
 * number, operation, entity, ids and the canonical rows as JSON) before touching any backend and
 * removes the record after the last backend succeeded. A record that stays behind means the write
 * stopped half way: {@code audit()} reports it and {@code repair()} replays it, in sequence order.
 *
 * <p>Every new entry gets a sequence number above every entry it can see (see
 * {@link SequenceClock}) and then <em>supersedes</em> the ids it writes in those older entries of
 * the same entity: they move from the old entry's {@code ids} to its {@code superseded} map (id to
 * the superseding sequence number), and their rows leave its payload. The new write rewrites or
 * deletes every part of those rows itself (and, should it fail, its own entry replays them later),
 * so replaying the old values would only revert it. The old entry stays until {@code repair()}
 * discards it, so the discarding is reported. The records live in the {@code sys-journal} entity
 * on the default backend: a durable backend keeps them across restarts, and every instance sharing
 * that backend sees and supersedes the others' entries.
 */
public final class WriteJournal {

    static final String SEQ = "seq";
    static final String OP = "op";
    static final String ENTITY = "entity";
    static final String IDS = "ids";
    static final String PAYLOAD = "payload";
    static final String SUPERSEDED = "superseded";

    private static final List<String> HEADER = List.of(SEQ, ENTITY, IDS);
    private static final List<String> ALL = List.of(SEQ, OP, ENTITY, IDS, PAYLOAD, SUPERSEDED);

    /**
     * A pending write read back from the journal. {@code ids} are the ids still to replay,
     * {@code payload} their encoded rows (null for a delete), {@code superseded} the ids a later
     * write took over, each with that write's sequence number. An entry written before sequence
     * numbers existed has seq 0 (older than any other).
     */
    public record Entry(String id, long seq, String op, String entity, List<String> ids,
            List<Map<String, Object>> payload, Map<String, Long> superseded) {

        public Entry {
            ids = List.copyOf(ids);
            superseded = Map.copyOf(superseded);
        }

        /** Orders entries as they were written: by sequence number, then entry id. */
        public static final Comparator<Entry> WRITE_ORDER = Comparator.comparingLong(Entry::seq)
                .thenComparing(Entry::id);
    }

    /** An entry just begun: its id (for {@link #complete}) and sequence number. */
    public record Ticket(String entryId, long seq) {
    }

    private final SystemTable table;
    private final SequenceClock clock;

    public WriteJournal(SystemTable table, SequenceClock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * Records the intent of a write and supersedes these ids in the older pending entries of the
     * entity. Costs one read of the journal (normally empty) and one insert; rewrites an older entry
     * only when it shares ids with this write.
     */
    public Ticket begin(String op, String entity, List<String> ids, List<Map<String, Object>> encodedRows) {
        Map<String, Map<String, Object>> pending = read(HEADER);
        long highest = 0;
        for (Map<String, Object> entry : pending.values()) {
            highest = Math.max(highest, seqOf(entry));
        }
        long seq = clock.next(highest);
        String id = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", id);
        row.put(SEQ, seq);
        row.put(OP, op);
        row.put(ENTITY, entity);
        row.put(IDS, new ArrayList<>(ids));
        row.put(PAYLOAD, encodedRows == null ? null : new ArrayList<>(encodedRows));
        row.put(SUPERSEDED, Map.of());
        table.upsert(List.of(row));
        supersede(pending, entity, new HashSet<>(ids), seq);
        return new Ticket(id, seq);
    }

    /** Removes an entry: its write completed, was replayed, or was wholly superseded. */
    public void complete(String entryId) {
        table.delete(List.of(entryId));
    }

    /** Every pending entry, in write order. */
    public List<Entry> pending() {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : read(ALL).entrySet()) {
            out.add(entry(row.getKey(), row.getValue()));
        }
        out.sort(Entry.WRITE_ORDER);
        return out;
    }

    /** Whether a pending entry of this entity still holds this id to replay. */
    public boolean holds(String entity, String objectId) {
        for (Map<String, Object> entry : read(HEADER).values()) {
            if (entity.equals(entry.get(ENTITY)) && idsOf(entry).contains(objectId)) {
                return true;
            }
        }
        return false;
    }

    private void supersede(Map<String, Map<String, Object>> pending, String entity, Set<String> written, long seq) {
        List<String> overlapping = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : pending.entrySet()) {
            if (entity.equals(entry.getValue().get(ENTITY)) && overlaps(idsOf(entry.getValue()), written)) {
                overlapping.add(entry.getKey());
            }
        }
        if (overlapping.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rewritten = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> old : table.fetch(overlapping, ALL).entrySet()) {
            rewritten.add(withoutIds(old.getKey(), old.getValue(), written, seq));
        }
        table.upsert(rewritten);
    }

    private static Map<String, Object> withoutIds(String entryId, Map<String, Object> old, Set<String> written,
            long seq) {
        Entry entry = entry(entryId, old);
        List<String> kept = new ArrayList<>();
        Map<String, Object> superseded = new LinkedHashMap<>(entry.superseded());
        for (String id : entry.ids()) {
            if (written.contains(id)) {
                superseded.put(id, seq);
            } else {
                kept.add(id);
            }
        }
        List<Map<String, Object>> payload = null;
        if (entry.payload() != null) {
            payload = new ArrayList<>();
            for (Map<String, Object> row : entry.payload()) {
                if (!written.contains(String.valueOf(row.get("object_id")))) {
                    payload.add(row);
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", entryId);
        row.put(SEQ, entry.seq());
        row.put(OP, entry.op());
        row.put(ENTITY, entry.entity());
        row.put(IDS, kept);
        row.put(PAYLOAD, payload);
        row.put(SUPERSEDED, superseded);
        return row;
    }

    private Map<String, Map<String, Object>> read(List<String> fields) {
        Set<String> ids = table.ids();
        return ids.isEmpty() ? Map.of() : table.fetch(ids, fields);
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String entryId, Map<String, Object> values) {
        Map<String, Long> superseded = new LinkedHashMap<>();
        Object stored = values.get(SUPERSEDED);
        if (stored instanceof Map) {
            for (Map.Entry<?, ?> id : ((Map<?, ?>) stored).entrySet()) {
                superseded.put(String.valueOf(id.getKey()), ((Number) id.getValue()).longValue());
            }
        }
        return new Entry(entryId, seqOf(values), (String) values.get(OP), (String) values.get(ENTITY),
                idsOf(values), (List<Map<String, Object>>) values.get(PAYLOAD), superseded);
    }

    private static long seqOf(Map<String, Object> values) {
        Object seq = values.get(SEQ);
        return seq == null ? 0 : ((Number) seq).longValue();
    }

    private static List<String> idsOf(Map<String, Object> values) {
        List<String> ids = new ArrayList<>();
        Object stored = values.get(IDS);
        if (stored instanceof Collection) {
            for (Object id : (Collection<?>) stored) {
                ids.add(String.valueOf(id));
            }
        }
        return ids;
    }

    private static boolean overlaps(List<String> ids, Set<String> written) {
        for (String id : ids) {
            if (written.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
