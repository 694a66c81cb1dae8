package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.query.TextMatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.Function;

/**
 * The SQLite function {@code hb_match(text TEXT, words TEXT)}: 1 when every one of the
 * space-separated {@code words} (query words as {@link TextMatch#words} produces them) is a word of
 * {@code text} by {@link TextMatch#words}, else 0 (also for a NULL text), so {@code match} on a
 * field without full-text index is a scan with exactly the engine's answers. One instance per
 * connection, so the parsed query words can be cached between rows without locking.
 */
final class SqliteMatchFunction extends Function {

    static final String NAME = "hb_match";

    private String queryWords;
    private Set<String> wanted;

    static void register(Connection connection) throws SQLException {
        Function.create(connection, NAME, new SqliteMatchFunction(), 2, Function.FLAG_DETERMINISTIC);
    }

    /** The second argument of {@code hb_match} for these (non-empty) query words. */
    static String argument(List<String> words) {
        return String.join(" ", words);
    }

    @Override
    protected void xFunc() throws SQLException {
        String text = value_text(0);
        String words = value_text(1);
        if (words == null || words.isEmpty()) {
            result(0);
            return;
        }
        if (!words.equals(queryWords)) {
            queryWords = words;
            wanted = new HashSet<>(Arrays.asList(words.split(" ")));
        }
        result(text != null && new HashSet<>(TextMatch.words(text)).containsAll(wanted) ? 1 : 0);
    }
}
