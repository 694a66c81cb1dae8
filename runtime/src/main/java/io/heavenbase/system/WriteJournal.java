package io.heavenbase.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
 * {@link SequenceClock}). Once every part of a write is stored, and before its own entry is
 * removed, the write reads the journal again and <em>supersedes</em> the ids it wrote in pending
 * entries of the same entity with a lower sequence number: it inserts one marker row per
 * (entry, id), keyed by both, so writing a marker twice changes nothing and no entry is ever
 * rewritten (instances marking the same entry at once cannot undo each other's marks, and a mark
 * cannot bring back an entry another instance just removed). Replaying such an id would only
 * revert the acknowledged write, so {@link #pending()} leaves it out and reports it in
 * {@link Entry#superseded()}; {@code repair()} discards it and removes the markers with the entry.
 * Reading after the parts are stored also catches a write that began at the same moment, saw an
 * empty journal and then failed. The records live in the {@code sys-journal} entity on the
 * default backend: a durable backend keeps them across restarts, and every instance sharing that
 * backend sees and supersedes the others' entries.
 */
public final class WriteJournal {

    static final String SEQ = "seq";
    static final String OP = "op";
    static final String ENTITY = "entity";
    static final String IDS = "ids";
    static final String PAYLOAD = "payload";
    /** On a marker row: the id of the entry it supersedes one id of; null on an entry. */
    static final String SUPERSEDES = "supersedes";

    private static final List<String> HEADER = List.of(SEQ, OP, ENTITY, IDS, SUPERSEDES);
    private static final List<String> ALL = List.of(SEQ, OP, ENTITY, IDS, PAYLOAD, SUPERSEDES);

    /**
     * A pending write read back from the journal. {@code ids} are the ids still to replay,
     * {@code payload} their encoded rows (null for a delete), {@code superseded} the ids a later
     * acknowledged write took over, each with that write's sequence number. An entry written
     * before sequence numbers existed has seq 0 (older than any other).
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

    /** An entry just begun, to be passed to {@link #finish} once every part is stored. */
    public record Ticket(String entryId, long seq, String op, String entity, List<String> ids) {

        public Ticket {
            ids = List.copyOf(ids);
        }
    }

    private final SystemTable table;
    private final SequenceClock clock;

    public WriteJournal(SystemTable table, SequenceClock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * Records the intent of a write. Costs one listing of the journal (normally empty: nothing else
     * is read) and one insert.
     */
    public Ticket begin(String op, String entity, List<String> ids, List<Map<String, Object>> encodedRows) {
        long highest = 0;
        for (Map<String, Object> row : read(List.of(SEQ)).values()) {
            highest = Math.max(highest, seqOf(row));
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
        row.put(SUPERSEDES, null);
        table.upsert(List.of(row));
        return new Ticket(id, seq, op, entity, ids);
    }

    /**
     * Ends a write whose every part is stored: marks its ids as superseded in the older pending
     * entries of the entity, then removes its entry. Costs one listing and one delete when no other
     * entry is pending; otherwise one read of the other entries and at most one batch of markers.
     */
    public void finish(Ticket ticket) {
        Set<String> others = new HashSet<>(table.ids());
        others.remove(ticket.entryId());
        if (!others.isEmpty()) {
            table.upsert(markers(ticket, table.fetch(others, HEADER)));
        }
        table.delete(List.of(ticket.entryId()));
    }

    /** Removes an entry repair replayed or discarded, with the markers that superseded its ids. */
    public void complete(Entry entry) {
        List<String> rows = new ArrayList<>();
        rows.add(entry.id());
        for (String objectId : entry.superseded().keySet()) {
            rows.add(markerId(entry.id(), objectId));
        }
        table.delete(rows);
    }

    /**
     * Removes markers whose entry is gone (its write completed after another write superseded it,
     * or repair removed it while the marker was being written). Returns how many it removed.
     */
    public int removeOrphanMarkers() {
        Map<String, Map<String, Object>> rows = read(List.of(SUPERSEDES));
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            Object entry = row.getValue().get(SUPERSEDES);
            if (entry != null && !rows.containsKey(String.valueOf(entry))) {
                orphans.add(row.getKey());
            }
        }
        table.delete(orphans);
        return orphans.size();
    }

    /** Every pending entry, in write order, without the ids markers superseded. */
    public List<Entry> pending() {
        return entries(read(ALL));
    }

    /** Whether a pending entry of this entity still holds this id to replay. */
    public boolean holds(String entity, String objectId) {
        for (Entry entry : entries(read(HEADER))) {
            if (entity.equals(entry.entity()) && entry.ids().contains(objectId)) {
                return true;
            }
        }
        return false;
    }

    private static List<Map<String, Object>> markers(Ticket ticket, Map<String, Map<String, Object>> rows) {
        Set<String> written = new HashSet<>(ticket.ids());
        Set<String> marked = new HashSet<>(rows.keySet());
        List<Map<String, Object>> markers = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            Map<String, Object> values = row.getValue();
            if (isMarker(values) || !ticket.entity().equals(values.get(ENTITY)) || seqOf(values) >= ticket.seq()) {
                continue;
            }
            for (String objectId : idsOf(values)) {
                String markerId = markerId(row.getKey(), objectId);
                if (written.contains(objectId) && marked.add(markerId)) {
                    Map<String, Object> marker = new LinkedHashMap<>();
                    marker.put("object_id", markerId);
                    marker.put(SEQ, ticket.seq());
                    marker.put(OP, ticket.op());
                    marker.put(ENTITY, ticket.entity());
                    marker.put(IDS, List.of(objectId));
                    marker.put(PAYLOAD, null);
                    marker.put(SUPERSEDES, row.getKey());
                    markers.add(marker);
                }
            }
        }
        return markers;
    }

    /** One marker per (entry, object id): the same key whichever instance writes it. */
    static String markerId(String entryId, String objectId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(objectId.getBytes(StandardCharsets.UTF_8));
            return entryId + "." + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Map<String, Map<String, Object>> read(List<String> fields) {
        return table.rows(fields);
    }

    private static List<Entry> entries(Map<String, Map<String, Object>> rows) {
        Map<String, Map<String, Long>> superseded = new HashMap<>();
        for (Map<String, Object> row : rows.values()) {
            if (isMarker(row)) {
                for (String objectId : idsOf(row)) {
                    superseded.computeIfAbsent(String.valueOf(row.get(SUPERSEDES)), k -> new LinkedHashMap<>())
                            .merge(objectId, seqOf(row), Math::min);
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            if (!isMarker(row.getValue())) {
                out.add(entry(row.getKey(), row.getValue(), superseded.getOrDefault(row.getKey(), Map.of())));
            }
        }
        out.sort(Entry.WRITE_ORDER);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(String entryId, Map<String, Object> values, Map<String, Long> superseded) {
        List<String> kept = new ArrayList<>();
        for (String id : idsOf(values)) {
            if (!superseded.containsKey(id)) {
                kept.add(id);
            }
        }
        List<Map<String, Object>> payload = null;
        Object stored = values.get(PAYLOAD);
        if (stored instanceof List) {
            payload = new ArrayList<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) stored) {
                if (!superseded.containsKey(String.valueOf(row.get("object_id")))) {
                    payload.add(row);
                }
            }
        }
        return new Entry(entryId, seqOf(values), (String) values.get(OP), (String) values.get(ENTITY), kept,
                payload, superseded);
    }

    private static boolean isMarker(Map<String, Object> values) {
        return values.get(SUPERSEDES) != null;
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
}
