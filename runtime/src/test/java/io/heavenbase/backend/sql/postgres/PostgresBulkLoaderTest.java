package io.heavenbase.backend.sql.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.heavenbase.backend.sql.IntegerComparand;
import io.heavenbase.backend.sql.SqlParam;
import io.heavenbase.backend.sql.SqlTables;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which path a PostgreSQL bulk write takes: COPY (no prepared statement at all) from 64 rows on,
 * straight into an empty table under a lock that makes other writers wait until the transaction
 * ends (a filled table goes through a staging table and makes no writer of other ids wait), a
 * multi-row INSERT below, and a multi-row INSERT when a value has no COPY text form; each path
 * upserts (a second write replaces the stored rows) inside the caller's transaction.
 */
class PostgresBulkLoaderTest {

    private final PostgresDialect dialect = new PostgresDialect();
    private final List<String> prepared = new ArrayList<>();
    private final String schema = PostgresTestServers.freshSchema();
    private Connection raw;
    private Connection connection;
    private SqlTables tables;

    @BeforeEach
    void open() throws SQLException {
        raw = PostgresTestServers.POSTGRES.connect();
        connection = recording(raw);
        EntityLayout layout = new EntityLayout("thing",
                List.of(new StoredField("title", DType.parse("ShortText"), Strategy.INLINE_COLUMN)));
        tables = new SqlTables(dialect, schema, "", layout);
        try (Statement statement = raw.createStatement()) {
            statement.execute("CREATE SCHEMA " + dialect.quote(schema));
            statement.execute("CREATE TABLE " + tables.qualified(tables.entity())
                    + " (object_id text COLLATE \"C\" PRIMARY KEY, title text)");
        }
        raw.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        raw.rollback();
        raw.setAutoCommit(true);
        try (Statement statement = raw.createStatement()) {
            statement.execute("DROP SCHEMA " + dialect.quote(schema) + " CASCADE");
        }
        raw.close();
    }

    @Test
    void givenManyRows_whenUpserted_thenCopyIsUsedAndASecondWriteReplacesThem() throws SQLException {
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(100, "a"));
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(150, "b"));

        assertThat(prepared).isEmpty();
        assertThat(titles()).hasSize(150).allMatch(title -> title.startsWith("b\t"));
    }

    @Test
    void givenAnEmptyTable_whenManyRowsAreUpserted_thenOtherWritersWaitUntilTheTransactionEnds() throws SQLException {
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(100, "a"));

        assertThat(otherWriterCanInsert("other-1")).as("an empty table is locked for the straight copy").isFalse();
        raw.commit();
        assertThat(otherWriterCanInsert("other-2")).isTrue();
        assertThat(titles()).hasSize(101);
    }

    @Test
    void givenAFilledTable_whenManyRowsAreUpserted_thenOtherWritersOfOtherIdsDoNotWait() throws SQLException {
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(100, "a"));
        raw.commit();

        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(150, "b"));

        assertThat(otherWriterCanInsert("other-1")).isTrue();
        assertThat(titles()).hasSize(151).filteredOn(title -> title.startsWith("b\t")).hasSize(150);
    }

    @Test
    void givenFewRows_whenUpserted_thenOneMultiRowInsert() throws SQLException {
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(10, "a"));
        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows(12, "b"));

        assertThat(prepared).hasSize(2).allMatch(sql -> sql.startsWith("INSERT INTO") && sql.contains("), ("));
        assertThat(titles()).hasSize(12).allMatch(title -> title.startsWith("b\t"));
    }

    @Test
    void givenAValueWithoutCopyForm_whenUpserted_thenRowsAreBoundAsParameters() throws SQLException {
        List<List<SqlParam>> rows = rows(100, "a");
        rows.set(7, List.of(SqlParam.text("id-007"), IntegerComparand.of(2.5)));

        dialect.bulkLoader().upsert(connection, tables, tables.entity(), List.of("object_id", "title"), rows);

        assertThat(prepared).isNotEmpty().allMatch(sql -> sql.startsWith("INSERT INTO"));
        assertThat(titles()).hasSize(100).contains("2.5");
    }

    private static List<List<SqlParam>> rows(int count, String round) {
        List<List<SqlParam>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of(SqlParam.text(String.format("id-%03d", i)), SqlParam.text(round + "\t\\" + i + "\n")));
        }
        return rows;
    }

    /** Whether a second connection inserts a row of its own within 300 ms (false: it waited on a lock). */
    private boolean otherWriterCanInsert(String id) throws SQLException {
        try (Connection other = PostgresTestServers.POSTGRES.connect();
                Statement statement = other.createStatement()) {
            statement.execute("SET lock_timeout = '300ms'");
            try {
                statement.execute("INSERT INTO " + tables.qualified(tables.entity()) + " VALUES ('" + id + "', 'x')");
                return true;
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("55P03");
                return false;
            }
        }
    }

    private List<String> titles() throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Statement statement = raw.createStatement();
                ResultSet result = statement.executeQuery("SELECT title FROM " + tables.qualified(tables.entity())
                        + " ORDER BY object_id")) {
            while (result.next()) {
                titles.add(result.getString(1));
            }
        }
        return titles;
    }

    /** The connection, recording the SQL of every prepareStatement (unwrap still reaches pgjdbc). */
    private Connection recording(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.add((String) args[0]);
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
