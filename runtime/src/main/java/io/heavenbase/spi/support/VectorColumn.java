package io.heavenbase.spi.support;

import io.heavenbase.schema.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a table that have a vector in one field, as parallel arrays (id, vector, row) plus an
 * id-to-position index: what {@link RowScan#nearest(VectorColumn, io.heavenbase.spi.Fragment)}
 * scans instead of looking the vector up in every row map. Rows without a {@code float[]} in the
 * field are left out (they are never eligible for a near). A column is a snapshot: its owner must
 * drop it when the table changes.
 */
public final class VectorColumn {

    private final String field;
    private final String[] ids;
    private final float[][] vectors;
    private final List<Map<String, Object>> rows;
    private final Map<String, Integer> positions;

    private VectorColumn(String field, List<Map<String, Object>> rows) {
        this.field = field;
        this.rows = rows;
        this.ids = new String[rows.size()];
        this.vectors = new float[rows.size()][];
        this.positions = new HashMap<>(Math.max(16, (int) (rows.size() / 0.75f) + 1));
        for (int i = 0; i < ids.length; i++) {
            Map<String, Object> row = rows.get(i);
            ids[i] = (String) row.get(Names.OBJECT_ID);
            vectors[i] = (float[]) row.get(field);
            positions.put(ids[i], i);
        }
    }

    /** The column of {@code field} over {@code rows} (maps holding object_id; never modified). */
    public static VectorColumn of(Collection<Map<String, Object>> rows, String field) {
        List<Map<String, Object>> eligible = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            if (row.get(field) instanceof float[]) {
                eligible.add(row);
            }
        }
        return new VectorColumn(field, eligible);
    }

    /** The vector field this column holds. */
    public String field() {
        return field;
    }

    /** Number of rows with a vector. */
    public int size() {
        return ids.length;
    }

    String id(int position) {
        return ids[position];
    }

    float[] vector(int position) {
        return vectors[position];
    }

    Map<String, Object> row(int position) {
        return rows.get(position);
    }

    /** The position of the row with this id, or -1 when it has no vector here. */
    int position(String id) {
        Integer position = positions.get(id);
        return position == null ? -1 : position;
    }
}
