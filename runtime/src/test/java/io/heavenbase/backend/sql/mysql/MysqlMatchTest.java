package io.heavenbase.backend.sql.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.DialectMatchContract;
import io.heavenbase.backend.sql.OpenedBackend;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.query.TextMatch;
import org.junit.jupiter.api.Test;

/** {@code match} on mysql answers exactly like {@link TextMatch} ({@link DialectMatchContract}). */
class MysqlMatchTest extends DialectMatchContract {

    private MysqlFreshBackend fresh;

    @Override
    protected OpenedBackend open() {
        fresh = MysqlFreshBackend.open(this::createBackend);
        return fresh;
    }

    /** The backend under test, its tables under {@code prefix}. */
    protected SqlBackend createBackend(String prefix) {
        return MysqlFixtures.open(prefix);
    }

    @Test
    void givenOneAndTwoLetterWords_whenMatched_thenTheyAreFoundDespiteInnodbsMinimumTokenSize() {
        givenDocs();

        assertThat(matching("body", "a is")).containsExactly("d1");
        assertThat(MysqlTestServer.scalar("SELECT @@innodb_ft_min_token_size")).isEqualTo("3");
    }

    @Test
    void givenAWordTableLost_whenEnsuredAgain_thenItIsRebuiltFromTheStoredRows() {
        givenDocs();
        MysqlTestServer.execute("DROP TABLE `" + fresh.prefix() + "doc__fts_body`");

        backend.ensure(doc);

        assertThat(matching("body", "fox")).containsExactly("d1");
    }
}
