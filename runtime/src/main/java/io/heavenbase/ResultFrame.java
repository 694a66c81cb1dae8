package io.heavenbase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a query in result order. Every row keeps {@code object_id}, even when the projection
 * did not name it, so callers can always {@code get}, {@code set} or {@code delete} what they found.
 */
public final class ResultFrame {

    private final List<String> columns;
    private final List<Row> rows;

    public ResultFrame(List<String> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.id());
        }
        return ids;
    }

    /** Column names in output order, {@code object_id} first. */
    public List<String> columns() {
        return columns;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public <T> List<T> as(Class<T> type) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(row.as(type));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ResultFrame" + columns + " x " + rows.size();
    }
}
