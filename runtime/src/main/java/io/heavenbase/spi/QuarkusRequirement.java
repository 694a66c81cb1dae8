package io.heavenbase.spi;

import java.util.List;

/**
 * What a backend type needs on a Quarkus application's class path, and the Quarkus extensions that bring it. The
 * extension checks it at build time and names the extensions to add.
 *
 * @param label what is missing, in the words of a message ("the PostgreSQL JDBC driver")
 * @param driverClasses classes of which at least one must be present (alternatives, e.g. two JDBC drivers)
 * @param poolClass a class that must also be present unless a Quarkus datasource serves the backend, or null
 * @param extensions the Quarkus extensions ({@code groupId:artifactId}) that bring all of it; any one will do
 */
public record QuarkusRequirement(String label, List<String> driverClasses, String poolClass, List<String> extensions) {

    /** The pool class of quarkus-agroal, which the JDBC driver extensions bring. */
    public static final String AGROAL_POOL = "io.agroal.pool.DataSource";

    public QuarkusRequirement {
        driverClasses = List.copyOf(driverClasses);
        extensions = List.copyOf(extensions);
    }

    /** The extensions as a message names them: "a", "a or b". */
    public String extensionsToAdd() {
        return String.join(" or ", extensions);
    }
}
