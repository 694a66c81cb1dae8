package io.heavenbase.searchnode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.opensearch.client.Client;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.ExtensiblePlugin.ExtensionLoader;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.ScriptPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.script.ScriptContext;
import org.opensearch.script.ScriptEngine;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * The painless module as a real OpenSearch installation loads it once the k-NN plugin is
 * installed: with the k-NN painless extension (its vector doc-values allow-list). OpenSearch offers
 * extensions only to plugins installed from a directory, so a node built from classpath plugins
 * would otherwise run painless without it. {@code PainlessPlugin} is final, hence this delegating
 * wrapper.
 */
public final class PainlessWithKnnExtensionPlugin extends Plugin implements ScriptPlugin {

    private final PainlessPlugin painless = new PainlessPlugin();

    public PainlessWithKnnExtensionPlugin() {
        // Extensions are only offered to plugins installed from a directory, so load them here.
        painless.loadExtensions(new ExtensionLoader() {
            @Override
            public <T> List<T> loadExtensions(Class<T> extensionPointType) {
                List<T> extensions = new ArrayList<>();
                ServiceLoader.load(extensionPointType, PainlessWithKnnExtensionPlugin.class.getClassLoader())
                        .forEach(extensions::add);
                return extensions;
            }
        });
    }

    @Override
    public ScriptEngine getScriptEngine(Settings settings, Collection<ScriptContext<?>> contexts) {
        return painless.getScriptEngine(settings, contexts);
    }

    @Override
    public List<ScriptContext<?>> getContexts() {
        return painless.getContexts();
    }

    @Override
    public List<Setting<?>> getSettings() {
        return painless.getSettings();
    }

    @Override
    public Collection<Object> createComponents(Client client, ClusterService clusterService, ThreadPool threadPool,
            ResourceWatcherService resourceWatcherService, ScriptService scriptService,
            NamedXContentRegistry xContentRegistry, Environment environment, NodeEnvironment nodeEnvironment,
            NamedWriteableRegistry namedWriteableRegistry, IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<RepositoriesService> repositoriesServiceSupplier) {
        return painless.createComponents(client, clusterService, threadPool, resourceWatcherService, scriptService,
                xContentRegistry, environment, nodeEnvironment, namedWriteableRegistry, indexNameExpressionResolver,
                repositoriesServiceSupplier);
    }
}
