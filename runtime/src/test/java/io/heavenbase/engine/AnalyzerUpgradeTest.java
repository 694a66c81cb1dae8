package io.heavenbase.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.Filter;
import io.heavenbase.HeavenBase;
import io.heavenbase.MetaSchema;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace stored before analyzers were recorded: its {@code sys-metaschema} table has no {@code analyzer}
 * column. Opening it adds the column; its text fields count as {@code standard}, so registering them unchanged is
 * no drift, and declaring {@code english} is.
 */
class AnalyzerUpgradeTest {

    @TempDir
    Path dir;

    private Workspace open() {
        return HeavenBase.open("analyzer-upgrade", Map.of("main",
                Map.of("type", "sqlite", "database", dir.resolve("hb.db").toString())));
    }

    private static EntitySchema doc(String analyzer) {
        return EntitySchema.builder("doc").field("body", "LongText", f -> f.analyzer(analyzer)).build();
    }

    /** Removes the analyzer column, as the previous version's table was, and returns the table's name. */
    private String dropAnalyzerColumn() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hb.db"));
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%metaschema%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).hasSize(1);
            statement.execute("ALTER TABLE \"" + tables.get(0) + "\" DROP COLUMN \"analyzer\"");
            return tables.get(0);
        }
    }

    private List<String> columns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hb.db"));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }

    @Test
    void givenAMetaSchemaWithoutAnalyzers_whenReopened_thenTheColumnIsAddedAndOldTextFieldsAreStandard()
            throws SQLException {
        try (Workspace ws = open()) {
            EntitySchema doc = ws.register(doc(null));
            ws.upsert(doc, Map.of("object_id", "d1", "body", "Agents act"));
        }
        String table = dropAnalyzerColumn();
        assertThat(columns(table)).doesNotContain("analyzer");

        try (Workspace ws = open()) {
            EntitySchema doc = ws.register(doc("standard"));

            assertThat(columns(table)).contains("analyzer");
            assertThat(ws.query(doc).where(Filter.match("body", "agents")).execute().ids()).containsExactly("d1");
            assertThat(ws.query(MetaSchema.class).where(Filter.eq("entity", "doc").and(Filter.eq("field", "body")))
                    .execute().rows()).singleElement().satisfies(row -> assertThat(row.get("analyzer"))
                            .isEqualTo("standard"));
        }
        dropAnalyzerColumn();
        try (Workspace ws = open()) {
            assertThatThrownBy(() -> ws.register(doc("english"))).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("stored with analyzer standard but is now declared with analyzer english");
        }
    }
}
