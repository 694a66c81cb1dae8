package io.heavenbase.backend.sql.sqlite;

import io.heavenbase.backend.sql.DialectMatchContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.query.TextMatch;

/**
 * {@code match} on sqlite answers exactly like {@link TextMatch} ({@link DialectMatchContract}); FTS5's own
 * edge cases are in {@link SqliteFullTextTest}.
 */
class SqliteMatchTest extends DialectMatchContract {

    @Override
    protected OpenedBackend open() {
        return OpenedBackend.of(SqliteFixtures.memoryBackend());
    }
}
