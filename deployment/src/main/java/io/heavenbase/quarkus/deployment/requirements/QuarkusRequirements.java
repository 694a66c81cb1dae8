package io.heavenbase.quarkus.deployment.requirements;

import java.util.ServiceLoader;
import java.util.function.Predicate;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendProvider;
import io.heavenbase.spi.QuarkusRequirement;

/**
 * The build-time check that a configured backend type can start in this Quarkus application, against the
 * application's class path. Types served by a Quarkus extension (JDBC drivers, the Elasticsearch client) are
 * explained in Quarkus words: the message names the extension to add. Other types keep the engine's check and
 * its Maven coordinates. What a type needs is its provider's {@link BackendProvider#quarkusRequirement()}.
 */
public final class QuarkusRequirements {

    private final Predicate<String> hasClass;

    /** Checks against this application's class path. */
    public QuarkusRequirements(ApplicationClassPath classPath) {
        this((Predicate<String>) classPath::hasClass);
    }

    /** Checks against the classes {@code hasClass} accepts (binary names). */
    QuarkusRequirements(Predicate<String> hasClass) {
        this.hasClass = hasClass;
    }

    /** Whether this check, rather than the engine's, decides for the type. */
    public static boolean covers(String type) {
        return requirementOf(type) != null;
    }

    /** The Quarkus requirement of the first provider of {@code type} the build sees, or null. */
    private static QuarkusRequirement requirementOf(String type) {
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class,
                Thread.currentThread().getContextClassLoader())) {
            if (provider.type().equals(type)) {
                return provider.quarkusRequirement();
            }
        }
        return null;
    }

    /**
     * Fails with a {@link ConfigurationException} naming {@code heavenbase.backends."name".type} and the Quarkus
     * extension to add when the type cannot start. {@code servedByDataSource}: a Quarkus datasource will be
     * handed over, so no pool of the backend's own is needed.
     */
    public void require(String backendName, String type, boolean servedByDataSource) {
        QuarkusRequirement requirement = requirementOf(type);
        if (requirement == null) {
            return;
        }
        String property = "heavenbase.backends." + backendName + ".type";
        String subject = "backend '" + backendName + "' (" + property + "=" + type + ")";
        if (requirement.driverClasses().stream().noneMatch(hasClass)) {
            throw new ConfigurationException(property, subject + " needs " + requirement.label()
                    + ", which this application does not have: add the Quarkus extension "
                    + requirement.extensionsToAdd());
        }
        if (requirement.poolClass() != null && !servedByDataSource && !hasClass.test(requirement.poolClass())) {
            throw new ConfigurationException(property, subject + " has " + requirement.label()
                    + " but no datasource or connection pool: add the Quarkus extension "
                    + requirement.extensionsToAdd() + " (it brings quarkus-agroal's datasource)");
        }
    }
}
