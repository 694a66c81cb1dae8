package io.heavenbase.quarkus.deployment.support;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;

/**
 * Optional Quarkus extensions a single test application adds ({@code QuarkusUnitTest.setForcedDependencies}),
 * so the other test applications stay without them.
 */
public final class Extensions {

    private Extensions() {
    }

    /** The runtime artifacts of these {@code io.quarkus} extensions, at the Quarkus version of the build. */
    public static List<Dependency> quarkus(String... artifactIds) {
        List<Dependency> dependencies = new ArrayList<>();
        for (String artifactId : artifactIds) {
            dependencies.add(Dependency.of("io.quarkus", artifactId, Version.getVersion()));
        }
        return dependencies;
    }
}
