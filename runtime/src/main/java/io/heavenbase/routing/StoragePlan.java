package io.heavenbase.routing;

import io.heavenbase.FullText;
import io.heavenbase.schema.EntitySchema;
import io.heavenbase.schema.FieldSchema;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placement of one entity: each field's primary placement, optional replicas (for example a
 * LongText copied to {@code search} for {@code match}), and the resulting part per backend, whose
 * fields carry the full-text switch each backend should honour. The home backend always holds a
 * part, so its ids are the entity's ids.
 */
public final class StoragePlan {

    private final EntitySchema schema;
    private final String home;
    private final Map<String, Placement> primary;
    private final Map<String, List<Placement>> replicas;
    private final Map<String, EntityLayout> parts;

    StoragePlan(EntitySchema schema, String home, Map<String, Placement> primary,
            Map<String, List<Placement>> replicas, List<String> backendOrder) {
        this.schema = schema;
        this.home = home;
        this.primary = Collections.unmodifiableMap(new LinkedHashMap<>(primary));
        this.replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
        Map<String, List<StoredField>> byBackend = new LinkedHashMap<>();
        byBackend.put(home, new ArrayList<>());
        for (FieldSchema field : schema.fields()) {
            Placement placement = primary.get(field.name());
            if (placement == null) {
                continue;
            }
            List<Placement> copies = replicas.getOrDefault(field.name(), List.of());
            byBackend.computeIfAbsent(placement.backend(), b -> new ArrayList<>()).add(new StoredField(field.name(),
                    field.dtype(), placement.strategy(), indexedAtPrimary(field, !copies.isEmpty()), field.analyzer()));
            for (Placement replica : copies) {
                byBackend.computeIfAbsent(replica.backend(), b -> new ArrayList<>())
                        .add(new StoredField(field.name(), field.dtype(), replica.strategy(), field.fullText(),
                                field.analyzer()));
            }
        }
        Map<String, EntityLayout> ordered = new LinkedHashMap<>();
        for (String backend : backendOrder) {
            if (byBackend.containsKey(backend)) {
                ordered.put(backend, new EntityLayout(schema.id(), byBackend.get(backend)));
            }
        }
        this.parts = Collections.unmodifiableMap(ordered);
    }

    /**
     * Whether the field's own backend keeps a full-text index: as the switch says, except that by
     * default a field copied elsewhere for {@code match} (LongText to {@code search}) is indexed
     * there only, so the primary backend stays a fast row store.
     */
    private static boolean indexedAtPrimary(FieldSchema field, boolean copied) {
        return field.fullText() && !(copied && field.fullTextSetting() == FullText.DEFAULT);
    }

    public EntitySchema schema() {
        return schema;
    }

    public String entityId() {
        return schema.id();
    }

    /** The backend whose part lists every object of the entity. */
    public String home() {
        return home;
    }

    /** The primary placement of a field ({@code object_id} has none: it lives everywhere). */
    public Placement placement(String field) {
        return primary.get(field);
    }

    /** Every placement of a field: primary first, then replicas. */
    public List<Placement> placements(String field) {
        List<Placement> out = new ArrayList<>();
        Placement first = primary.get(field);
        if (first != null) {
            out.add(first);
        }
        out.addAll(replicas.getOrDefault(field, List.of()));
        return out;
    }

    /** Backend name to the entity part stored there, in configured backend order. */
    public Map<String, EntityLayout> parts() {
        return parts;
    }

    public EntityLayout part(String backend) {
        return parts.get(backend);
    }

    /** Backends holding a part, in configured order. */
    public Set<String> backends() {
        return new LinkedHashSet<>(parts.keySet());
    }
}
