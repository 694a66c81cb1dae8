package io.heavenbase.quarkus.deployment.requirements;

import java.util.List;

/**
 * What a backend type needs on the application's class path in a Quarkus application, and the Quarkus
 * extensions that bring it.
 *
 * @param label what is missing, in the words of a message ("the PostgreSQL JDBC driver")
 * @param driverClasses classes of which at least one must be present (alternatives, e.g. two JDBC drivers)
 * @param poolClass a class that must also be present unless a Quarkus datasource serves the backend, or null
 * @param extensions the Quarkus extensions ({@code groupId:artifactId}) that bring all of it; any one will do
 */
public record TypeRequirement(String label, List<String> driverClasses, String poolClass, List<String> extensions) {

    /** The extensions as a message names them: "a", "a or b". */
    public String extensionsToAdd() {
        return String.join(" or ", extensions);
    }
}
