package io.heavenbase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;

import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo on the local PostgreSQL and MariaDB through Agroal datasources: notes live in PostgreSQL, an audit
 * entity placed on {@code shop} lives in MariaDB, and readiness lists both.
 */
@QuarkusTest
@TestProfile(LocalDataSourcesProfile.class)
class LocalDataSourcesTest {

    @Inject
    Workspace workspace;

    @Inject
    @Named("pg")
    DataSource pg;

    @Inject
    @Named("maria")
    DataSource maria;

    @Test
    void notesAreStoredInPostgreSqlThroughItsDataSource() throws SQLException {
        String tag = NoteResourceTest.uniqueTag();
        String id = NoteResourceTest.create("On PostgreSQL", "stored through Agroal", List.of(tag));

        given().when().get("/notes/" + id).then().statusCode(200).body("title", equalTo("On PostgreSQL"));
        given().queryParam("tag", tag).when().get("/notes/search").then().body("id", contains(id));
        assertThat(query(pg, "select title from hbit_note where object_id = '" + id + "'")).isEqualTo("On PostgreSQL");
    }

    @Test
    void entityPlacedOnShopIsStoredInMariaDbThroughItsDataSource() throws SQLException {
        EntitySchema audit = workspace.register(EntitySchema.builder("audit-entry")
                .field("message", "ShortText", field -> field.store("shop", "InlineColumn")).build());

        workspace.upsert(audit, Map.of("object_id", "a1", "message", "note created"));

        assertThat(query(maria, "select message from hbit_audit_entry where object_id = 'a1'"))
                .isEqualTo("note created");
    }

    @Test
    void readinessListsBothServerBackendsUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'HeavenBase backends' }.data.main", equalTo("UP"))
                .body("checks.find { it.name == 'HeavenBase backends' }.data.shop", equalTo("UP"));
    }

    private static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row for: %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
