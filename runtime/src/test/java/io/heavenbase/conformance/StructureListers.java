package io.heavenbase.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Listers of the structures a layout's backends hold, for the "drop() leaves nothing" conformance
 * case ({@link ConformanceLayout#listingStructures}): files under a directory, tables of a SQLite or DuckDB
 * file, indexes or collections under a name prefix on a server.
 */
public final class StructureListers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StructureListers() {
    }

    /**
     * Every file and directory under {@code directory} (not the directory itself), relative to it,
     * except those named in {@code held}: files the open backend instance itself holds (its lock file).
     */
    public static Supplier<List<String>> files(Path directory, String... held) {
        List<String> kept = List.of(held);
        return () -> {
            if (!Files.exists(directory)) {
                return List.of();
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                return paths.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString())
                        .filter(name -> !kept.contains(name)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        };
    }

    /** The tables, indexes, views and triggers of the SQLite database file {@code database}. */
    public static Supplier<List<String>> sqliteObjects(Path database) {
        return () -> {
            List<String> out = new ArrayList<>();
            if (!Files.exists(database)) {
                return out;
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list the objects of " + database, e);
            }
            return out;
        };
    }

    /**
     * The tables, views, indexes and sequences of the DuckDB database file {@code database}, read over a
     * connection of its own: the driver shares one database instance per file within a JVM, so this
     * works while a backend holds the file open.
     */
    public static Supplier<List<String>> duckdbObjects(Path database) {
        return () -> {
            List<String> out = new ArrayList<>();
            if (!Files.exists(database)) {
                return out;
            }
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 'table ' || table_name FROM duckdb_tables() "
                            + "WHERE NOT internal UNION ALL SELECT 'view ' || view_name FROM duckdb_views() "
                            + "WHERE NOT internal UNION ALL SELECT 'index ' || index_name FROM duckdb_indexes() "
                            + "UNION ALL SELECT 'sequence ' || sequence_name FROM duckdb_sequences() "
                            + "WHERE NOT temporary")) {
                while (rows.next()) {
                    out.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list the objects of " + database, e);
            }
            return out;
        };
    }

    /**
     * The names of the JSON array at {@code field} (or of the top-level array when {@code field} is
     * null) that {@code GET url} answers, keeping those that start with {@code prefix}.
     */
    public static Supplier<List<String>> namesOverHttp(String url, String field, String nameKey, String prefix) {
        return () -> {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                JsonNode body = JSON.readTree(response.body());
                JsonNode items = field == null ? body : body.path(field);
                List<String> out = new ArrayList<>();
                items.forEach(item -> {
                    String name = item.path(nameKey).asText();
                    if (name.startsWith(prefix)) {
                        out.add(name);
                    }
                });
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing " + url, e);
            }
        };
    }
}
