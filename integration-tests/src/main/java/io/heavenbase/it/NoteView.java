package io.heavenbase.it;

import java.util.List;

import io.heavenbase.Row;

/** A note as the endpoints return it; {@code score} is set by similarity search only. */
public record NoteView(String id, String title, String body, List<String> tags, Double score) {

    static NoteView of(Row row) {
        return new NoteView(row.id(), row.getString("title"), row.getString("body"), row.getList("tags"), row.score());
    }
}
