package io.heavenbase.quarkus.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.heavenbase.ConfigurationException;
import io.heavenbase.engine.WorkspaceFactory;
import io.heavenbase.quarkus.deployment.HeavenBaseBuildTimeConfig.BackendBuildTimeConfig;
import io.heavenbase.quarkus.deployment.requirements.ApplicationClassPath;
import io.heavenbase.quarkus.deployment.requirements.QuarkusRequirements;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.spi.BackendProvider;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.LiveReloadBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;

/**
 * Reads {@code heavenbase.preset} and {@code heavenbase.backends.*} at build time and fails the build, naming
 * the property, when a backend has no type, an unknown type, a type whose driver is missing, a datasource that
 * does not exist or does not fit its type, or when a run-time key names a backend that has no type.
 */
class BackendConfigProcessor {

    private static final String BACKENDS_PREFIX = "heavenbase.backends.";
    private static final String DEFAULT_DATASOURCE = "<default>";
    private static final String ZERO_CONFIG_PRESET = "debug";
    private static final Logger LOG = Logger.getLogger(BackendConfigProcessor.class);

    @BuildStep
    ConfiguredBackendsBuildItem configuredBackends(HeavenBaseBuildTimeConfig config,
            List<JdbcDataSourceBuildItem> dataSources, CurateOutcomeBuildItem curateOutcome,
            LaunchModeBuildItem launchMode, LiveReloadBuildItem liveReload) {
        String preset = config.preset().map(String::trim).filter(p -> !p.isEmpty()).orElse(null);
        // Configuration maps have no order of their own: explicit backends follow the preset's, by name.
        Map<String, BackendBuildTimeConfig> configured = new TreeMap<>(config.backends());
        if (preset == null && configured.isEmpty()) {
            rejectStrayKeys(Map.of());
            preset = zeroConfigurationPreset(launchMode, liveReload);
        }
        Map<String, Map<String, Object>> explicit = new LinkedHashMap<>();
        configured.forEach((name, backend) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            backend.type().map(String::trim).ifPresent(type -> values.put("type", type));
            explicit.put(name, values);
        });
        Map<String, Map<String, Object>> resolved = WorkspaceFactory.resolve(preset, explicit);
        rejectStrayKeys(resolved);

        ApplicationClassPath classPath = new ApplicationClassPath(curateOutcome.getApplicationModel());
        BuildTimeProviders available = new BuildTimeProviders(classPath);
        QuarkusRequirements requirements = new QuarkusRequirements(classPath);
        List<BackendDefinition> definitions = new ArrayList<>();
        Map<String, BackendProvider> providers = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> entry : resolved.entrySet()) {
            String name = entry.getKey();
            Object type = entry.getValue().get("type");
            if (type == null || String.valueOf(type).isBlank()) {
                String property = BACKENDS_PREFIX + name + ".type";
                throw new ConfigurationException(property, "backend '" + name + "' has no type: set " + property);
            }
            // Types a Quarkus extension serves are checked against the application's class path, not the build's.
            boolean quarkusCheck = QuarkusRequirements.covers(String.valueOf(type));
            providers.put(name, available.require(name, String.valueOf(type), !quarkusCheck));
            Optional<String> dataSource = Optional.ofNullable(configured.get(name))
                    .flatMap(BackendBuildTimeConfig::datasource);
            BackendDefinition definition = definition(name, providers.get(name), dataSource, dataSources, available);
            requirements.require(name, String.valueOf(type), definition.getDataSource() != null);
            definitions.add(definition);
        }
        return new ConfiguredBackendsBuildItem(preset, definitions, providers);
    }

    /**
     * Without any backend, dev and test mode run on the embedded {@value #ZERO_CONFIG_PRESET} preset (no server,
     * no driver); a production build fails, since an application without storage is a mistake there.
     */
    private static String zeroConfigurationPreset(LaunchModeBuildItem launchMode, LiveReloadBuildItem liveReload) {
        if (!launchMode.getLaunchMode().isDevOrTest()) {
            throw new ConfigurationException("heavenbase.preset", "HeavenBase has no backend: set heavenbase.preset "
                    + "(debug, local-lts or web-lts) or heavenbase.backends.\"name\".type for at least one backend "
                    + "(dev and test mode would run on the embedded debug preset; a production build needs it "
                    + "configured)");
        }
        // Dev mode rebuilds on every change; the notice is logged once per application start, not per rebuild.
        if (liveReload.getContextObject(ZeroConfigurationLogged.class) == null) {
            liveReload.setContextObject(ZeroConfigurationLogged.class, new ZeroConfigurationLogged());
            LOG.infof("HeavenBase: no heavenbase.preset and no heavenbase.backends configured, so %s mode runs on "
                    + "the embedded '%s' preset (sqlite in memory and inmem; data is lost on restart). Set "
                    + "heavenbase.preset or heavenbase.backends.\"name\".type to choose; a production build "
                    + "requires it.", launchMode.getLaunchMode().getDefaultProfile(), ZERO_CONFIG_PRESET);
        }
        return ZERO_CONFIG_PRESET;
    }

    private static BackendDefinition definition(String name, BackendProvider provider, Optional<String> dataSource,
            List<JdbcDataSourceBuildItem> dataSources, BuildTimeProviders available) {
        String type = provider.type();
        boolean takesDataSource = provider.connection().takesDataSource();
        String property = BACKENDS_PREFIX + name + ".datasource";
        if (dataSource.isPresent()) {
            String wanted = dataSource.get().trim();
            if (!takesDataSource) {
                throw new ConfigurationException(property, property + " only applies to SQL server backends "
                        + available.dataSourceTypes() + "; backend '" + name + "' has type '"
                        + type + "'");
            }
            if (dataSources.stream().noneMatch(ds -> matches(ds, wanted))) {
                throw new ConfigurationException(property, property + " names datasource '" + wanted
                        + "', but the application has no such datasource: configure "
                        + (DEFAULT_DATASOURCE.equals(wanted) ? "quarkus.datasource.db-kind"
                                : "quarkus.datasource.\"" + wanted + "\".db-kind")
                        + " (with quarkus-agroal and a JDBC driver extension)");
            }
            return new BackendDefinition(name, type, wanted, true);
        }
        if (takesDataSource && dataSources.stream().anyMatch(JdbcDataSourceBuildItem::isDefault)) {
            return new BackendDefinition(name, type, DEFAULT_DATASOURCE, false);
        }
        return new BackendDefinition(name, type, null, false);
    }

    private static boolean matches(JdbcDataSourceBuildItem dataSource, String name) {
        return DEFAULT_DATASOURCE.equals(name) ? dataSource.isDefault() : dataSource.getName().equals(name);
    }

    /**
     * Fails on a {@code heavenbase.backends."name".key} whose backend has no type, which is almost always a
     * misspelt backend name.
     */
    private static void rejectStrayKeys(Map<String, ?> backends) {
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            if (!property.startsWith(BACKENDS_PREFIX)) {
                continue;
            }
            String name = backendName(property.substring(BACKENDS_PREFIX.length()));
            if (!backends.containsKey(name)) {
                throw new ConfigurationException(property, property + " configures backend '" + name
                        + "', which has no type: set " + BACKENDS_PREFIX + name
                        + ".type, or use a preset that defines '" + name + "'");
            }
        }
    }

    private static String backendName(String rest) {
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            return end < 0 ? rest.substring(1) : rest.substring(1, end);
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** Marks, across dev-mode rebuilds, that the zero-configuration notice was logged. */
    private static final class ZeroConfigurationLogged {
    }
}
