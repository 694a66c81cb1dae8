package io.heavenbase.quarkus.deployment.support;

import java.util.List;

import io.quarkus.maven.dependency.Dependency;

/**
 * Plain JDBC drivers a single test application adds ({@code QuarkusUnitTest.setForcedDependencies}). The
 * deployment module's own class path has {@code org.postgresql} only through the embedded PostgreSQL of the Dev
 * Services, which does not count as the application's.
 */
public final class Drivers {

    private Drivers() {
    }

    /** {@code org.postgresql:postgresql}, at the version the embedded PostgreSQL brings. */
    public static Dependency postgres() {
        return Dependency.of("org.postgresql", "postgresql", org.postgresql.util.DriverInfo.DRIVER_VERSION);
    }

    /** These dependencies and {@link #postgres()}. */
    public static List<Dependency> withPostgres(List<Dependency> others) {
        List<Dependency> all = new java.util.ArrayList<>(others);
        all.add(postgres());
        return all;
    }
}
