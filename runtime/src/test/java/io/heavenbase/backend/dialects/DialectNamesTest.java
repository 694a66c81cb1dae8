package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.inline;
import static io.heavenbase.backend.dialects.DialectFixtures.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import io.heavenbase.backend.sql.mssql.MssqlDialect;
import io.heavenbase.backend.sql.oracle.OracleDialect;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.backend.sql.mysql.StarRocksDialect;
import io.heavenbase.backend.sql.trino.TrinoDialect;
import io.heavenbase.spi.EntityLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Names on the server-less dialects: only validated names reach SQL, long ones are shortened to fit. */
class DialectNamesTest {

    private static final String LONG_FIELD = "f".repeat(60) + "_a";
    private static final String OTHER_LONG_FIELD = "f".repeat(60) + "_b";

    static Stream<SqlDialect> dialects() {
        return Stream.of(new MssqlDialect(), new OracleDialect(), new TrinoDialect(), new StarRocksDialect());
    }

    @Test
    void givenAFieldNameWithQuotingCharacters_whenALayoutIsBuilt_thenItIsRejectedBeforeAnySqlExists() {
        assertThatThrownBy(() -> new EntityLayout("item", List.of(inline("title]; DROP TABLE x; --", "ShortText"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new EntityLayout("item", List.of(inline("a`b", "ShortText"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new EntityLayout("item", List.of(inline("a\"b", "ShortText"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void givenAnEntityIdWithQuotingCharacters_whenALayoutIsBuilt_thenItIsRejected() {
        assertThatThrownBy(() -> new EntityLayout("item\"; DROP", List.of())).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void givenSideTablesWhoseNamesExceedTheLimit_whenNamed_thenTheyFitAndStayDistinct(SqlDialect dialect) {
        EntityLayout layout = new EntityLayout("e".repeat(60), List.of(side(LONG_FIELD, "Array"),
                side(OTHER_LONG_FIELD, "Array")));
        SqlTables tables = new SqlTables(dialect, null, "prefix_", layout);

        String first = tables.side(LONG_FIELD);
        String second = tables.side(OTHER_LONG_FIELD);

        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(dialect.maxIdentifierLength());
        assertThat(first).isNotEqualTo(second).startsWith("prefix_eee");
    }

    @Test
    void givenEachDialect_whenAskedForItsIdentifierLimit_thenItIsTheServersDocumentedLimit() {
        assertThat(new MssqlDialect().maxIdentifierLength()).isEqualTo(128);
        assertThat(new OracleDialect().maxIdentifierLength()).isEqualTo(128);
        assertThat(new TrinoDialect().maxIdentifierLength()).isEqualTo(63);
        assertThat(new StarRocksDialect().maxIdentifierLength()).isEqualTo(64);
    }
}
