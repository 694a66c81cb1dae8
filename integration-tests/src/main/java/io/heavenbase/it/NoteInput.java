package io.heavenbase.it;

import java.util.List;

/** The body of {@code POST /notes}. */
public record NoteInput(String title, String body, List<String> tags) {
}
