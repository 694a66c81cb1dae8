package io.heavenbase.backend.dialects;

import static io.heavenbase.backend.dialects.DialectFixtures.HOSTILE;
import static io.heavenbase.backend.dialects.DialectFixtures.everyType;
import static io.heavenbase.backend.dialects.DialectFixtures.leaf;
import static io.heavenbase.backend.dialects.DialectFixtures.small;
import static io.heavenbase.backend.dialects.DialectFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.backend.dialects.RecordingConnection.Sent;
import io.heavenbase.backend.sql.BoundSql;
import io.heavenbase.backend.sql.SqlBackend;
import io.heavenbase.backend.sql.SqlDialect;
import io.heavenbase.query.Expr;
import io.heavenbase.query.Op;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.Fragment;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden-SQL part of the dialect test suite: every statement shape all dialects write, run against a
 * {@link RecordingConnection} so no server is needed. A dialect's {@code *DialectTest} extends this, answers the
 * hooks with its own spellings of the same statements and keeps only the cases that exist for it alone.
 *
 * @param <D> the dialect under test
 */
abstract class GoldenSqlContract<D extends SqlDialect> {

    /** The dialect under test. */
    protected final D dialect;
    /** Records every statement the backend sends. */
    protected final RecordingConnection db;
    /** The {@link DialectFixtures#small()} entity the statement cases write and read. */
    protected final EntityLayout item = small();
    private final String schema;

    /**
     * @param dialect the dialect under test
     * @param connectionSchema the schema the recording connection reports as current (may be null)
     * @param schema the schema the backend is configured with (may be null)
     */
    protected GoldenSqlContract(D dialect, String connectionSchema, String schema) {
        this.dialect = dialect;
        this.db = new RecordingConnection(connectionSchema);
        this.schema = schema;
    }

    /** A backend named {@code main} over the recording connection. */
    protected SqlBackend backend() {
        return DialectFixtures.backend(dialect, db, schema);
    }

    /** The condition a filter on {@link #item} compiles to. */
    protected BoundSql filter(Expr expr) {
        return where(dialect, item, expr);
    }

    /** The statements of an ensure that create or inspect tables; all of them unless the dialect sends others first. */
    protected List<String> tableStatements(List<String> sent) {
        return sent;
    }

    /** The statement creating the {@link DialectFixtures#everyType()} entity table. */
    protected abstract String entityTable();

    /** The schema statements after {@link #entityTable()} when every type is ensured (side tables, lookups). */
    protected abstract List<String> afterEntityTable();

    /** The statement that asks for the stored columns of {@code item}. */
    protected abstract String columnLookup();

    /** The statement that adds the {@code title} column to {@code item}. */
    protected abstract String addTitleColumn();

    /** A row of {@code item} to upsert into an empty recording. */
    protected abstract Map<String, Object> upsertedRow();

    /** What upserting {@link #upsertedRow()} sends. */
    protected abstract List<Sent> upsertSent();

    /** The upsert statement of a table {@code t} (quoted) without fields, or null where the dialect has none. */
    protected abstract String upsertWithoutFields();

    /** The fields {@link #fetchSent()} reads. */
    protected abstract List<String> fetchedFields();

    /** What fetching ids {@code a1} and {@code b2} sends. */
    protected abstract Sent fetchSent();

    /** What deleting id {@code a1} sends. */
    protected abstract List<Sent> deleteSent();

    /** A filter with NOT over a condition that could be null. */
    protected abstract Expr negated();

    /** The never-null condition {@link #negated()} compiles to. */
    protected abstract String negatedSql();

    /** The values {@link #negatedSql()} binds. */
    protected abstract List<Object> negatedValues();

    /** The condition {@code tags ARRAY_CONTAINS 'x'} compiles to on the side table. */
    protected abstract String sideArrayContains();

    /** A fragment with a filter or candidates, an order, an offset and a limit. */
    protected abstract Fragment pagedFragment();

    /** What executing {@link #pagedFragment()} sends. */
    protected abstract Sent pagedSent();

    /** An identifier holding the dialect's quote character and that identifier quoted. */
    protected abstract List<String> identifierAndQuoted();

    /** Errors of an ADD COLUMN that lost a race: those that mean "already there" and those that do not. */
    protected abstract Map<Boolean, List<SQLException>> addColumnErrors();

    @Test
    void givenEveryType_whenEnsured_thenTheEntityTableIsTheDialectsCreateTable() {
        backend().ensure(everyType());

        assertThat(tableStatements(db.sql()).get(0)).isEqualTo(entityTable());
    }

    @Test
    void givenSideTableFields_whenEnsured_thenEachGetsATableKeyedByOwnerAndPosition() {
        backend().ensure(everyType());

        List<String> expected = new ArrayList<>(List.of(entityTable()));
        expected.addAll(afterEntityTable());
        assertThat(tableStatements(db.sql())).filteredOn(sql -> !sql.startsWith("ALTER"))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void givenAColumnTheServerDoesNotReport_whenEnsured_thenItIsAdded() {
        backend().ensure(item);

        assertThat(db.sql().subList(1, 3)).containsExactly(columnLookup(), addTitleColumn());
        assertThat(db.sent().get(1).params()).isEmpty();
    }

    @Test
    void givenRows_whenUpserted_thenEveryValueIsBound() {
        backend().upsert(item, List.of(upsertedRow()));

        assertThat(db.sent()).containsExactlyElementsOf(upsertSent());
    }

    @Test
    void givenNoFields_whenUpserted_thenTheStatementOnlyInserts() {
        assumeTrue(upsertWithoutFields() != null, "SKIPPED: " + getClass().getSimpleName()
                + "'s dialect writes plain inserts into a primary key table, there is no upsert without fields");

        assertThat(dialect.upsert(dialect.quote("t"), List.of()))
                .isEqualTo(upsertWithoutFields());
    }

    @Test
    void givenIds_whenFetched_thenTheyAreBoundInAnInList() {
        backend().fetch(item, List.of("a1", "b2"), fetchedFields());

        assertThat(db.sent()).containsExactly(fetchSent());
    }

    @Test
    void givenIds_whenDeleted_thenSideRowsGoFirstThenTheRows() {
        backend().delete(item, List.of("a1"));

        assertThat(db.sent()).containsExactlyElementsOf(deleteSent());
    }

    @Test
    void givenNot_whenCompiled_thenItWrapsTheNeverNullCondition() {
        BoundSql sql = filter(negated());

        assertThat(sql.sql()).isEqualTo(negatedSql());
        assertThat(sql.values()).containsExactlyElementsOf(negatedValues());
    }

    @Test
    void givenArrayContainsOnASideTable_whenCompiled_thenItIsACorrelatedExists() {
        BoundSql sql = filter(leaf("tags", Op.ARRAY_CONTAINS, "x"));

        assertThat(sql.sql()).isEqualTo(sideArrayContains());
        assertThat(sql.values()).containsExactly("x");
    }

    @Test
    void givenMatch_whenCompiled_thenItIsRejected() {
        assertThatThrownBy(() -> filter(leaf("title", Op.MATCH, "hello")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("match");
    }

    @Test
    void givenOrderAndPage_whenQueried_thenNullsAreOrderedExplicitlyAndThePageIsBound() {
        backend().execute(item, pagedFragment());

        assertThat(db.sent()).containsExactly(pagedSent());
    }

    @Test
    void givenAnIdentifierWithTheQuoteCharacter_whenQuoted_thenTheQuoteIsDoubled() {
        assertThat(dialect.quote(identifierAndQuoted().get(0))).isEqualTo(identifierAndQuoted().get(1));
    }

    @Test
    void givenAHostileValue_whenFiltered_thenItIsOnlyEverAParameter() {
        for (Expr expr : List.of(leaf("title", Op.EQ, HOSTILE), leaf("title", Op.NE, HOSTILE),
                leaf("title", Op.GT, HOSTILE), leaf("title", Op.IN, List.of(HOSTILE)))) {
            BoundSql sql = filter(expr);

            assertThat(sql.sql()).as("%s", expr).doesNotContain("DROP");
            assertThat(sql.values()).as("%s", expr).containsExactly(HOSTILE);
        }
    }

    @Test
    void givenAnAddColumnThatLostARace_whenClassified_thenOnlyTheDialectsDuplicateColumnErrorCounts() {
        addColumnErrors().forEach((alreadyThere, errors) -> errors.forEach(error ->
                assertThat(dialect.isAlreadyExists(error)).as(error.getMessage()).isEqualTo(alreadyThere)));
        assertThat(addColumnErrors().get(true)).isNotEmpty();
        assertThat(addColumnErrors().get(false)).isNotEmpty();
    }
}
