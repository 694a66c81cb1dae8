package io.heavenbase.bench.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code item} columns as a JPA entity maps them, the way a Quarkus user writes a Hibernate
 * ORM / Panache entity for the same table: an assigned String id and one field per column.
 */
@MappedSuperclass
public abstract class ItemColumns {

    @Id
    @Column(name = "object_id")
    public String objectId;
    public String name;
    public String category;
    public Double price;
    public Long qty;
    public Boolean active;

    /** Copies a row of {@link io.heavenbase.bench.data.Items} into this entity. */
    public void fill(Map<String, Object> row) {
        objectId = (String) row.get("object_id");
        name = (String) row.get("name");
        category = (String) row.get("category");
        price = (Double) row.get("price");
        qty = (Long) row.get("qty");
        active = (Boolean) row.get("active");
    }

    /** The entity as field name to value, comparable with the other sides' rows. */
    public Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object_id", objectId);
        row.put("name", name);
        row.put("category", category);
        row.put("price", price);
        row.put("qty", qty);
        row.put("active", active);
        return row;
    }
}
