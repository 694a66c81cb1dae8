package io.heavenbase.quarkus.runtime.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.heavenbase.AuditReport;
import io.heavenbase.Plan;
import io.heavenbase.RepairReport;
import io.heavenbase.ResultFrame;
import io.heavenbase.Row;
import io.heavenbase.Workspace;
import io.heavenbase.engine.EngineWorkspace;
import io.heavenbase.query.QueryJson;
import io.heavenbase.quarkus.runtime.BackendStatuses;
import io.heavenbase.quarkus.runtime.HeavenBaseRuntimeConfig;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.spi.Backend;
import io.heavenbase.spi.EntityLayout;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.smallrye.config.SmallRyeConfig;

/**
 * Dev UI calls (dev mode only): the live state of every backend, its connection target, row counts and capability
 * matrix; JSON queries with their {@code explain()}; audit and repair. Every call that can fail answers
 * {@code ok=false} with the {@link ErrorDetails full error} instead of throwing, so the page can show all of it.
 */
public class HeavenBaseJsonRpcService {

    private final ExecutorService pings = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "heavenbase-devui");
        thread.setDaemon(true);
        return thread;
    });

    /** Every backend with its state: {@code UP}, {@code DOWN}, {@code INACTIVE} or {@code EXCLUDED}. */
    public List<BackendStatuses.Status> getBackendStatuses() {
        return new BackendStatuses(pings).check();
    }

    /**
     * Per configured backend: {@code name}, {@code target} (the connection keys, secrets masked), {@code counts}
     * (rows of every registered entity part on that backend) and {@code capabilities} (see {@link CapabilityMatrix});
     * a backend that cannot be opened has {@code error} instead of counts and capabilities.
     */
    public List<Map<String, Object>> getBackendDetails() {
        Config config = ConfigProvider.getConfig();
        HeavenBaseRuntimeConfig runtime = config.unwrap(SmallRyeConfig.class)
                .getConfigMapping(HeavenBaseRuntimeConfig.class);
        Map<String, Object> workspaceOrError = workspace();
        List<Map<String, Object>> out = new ArrayList<>();
        for (BackendStatuses.Status status : getBackendStatuses()) {
            String name = status.name();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("target", ConnectionTargets.of(runtime.backends().get(name), datasourceOf(config, name), config));
            if (status.state() != BackendStatuses.State.UP && status.state() != BackendStatuses.State.EXCLUDED) {
                row.put("error", Map.of("type", status.state().name(), "message", status.detail(), "details",
                        status.detail()));
            } else if (workspaceOrError.containsKey("error")) {
                row.put("error", workspaceOrError.get("error"));
            } else {
                fillBackend(row, (Workspace) workspaceOrError.get("workspace"), name);
            }
            out.add(row);
        }
        return out;
    }

    /** The registered entity ids, sorted; {@code ok=false} with the error when the workspace cannot be opened. */
    public Map<String, Object> getEntities() {
        return call(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entities", engine(workspaceOrThrow()).entities());
            return out;
        });
    }

    /**
     * Runs a JSON query ({@code Workspace.queryJson}) and explains it: {@code columns}, {@code rows} (values as
     * text), {@code plan} (every step with {@code mode} {@code native} or {@code fallback}, the engine).
     */
    public Map<String, Object> runQuery(String entity, String json) {
        return call(() -> {
            Workspace workspace = workspaceOrThrow();
            Plan plan = JsonQueries.apply(workspace.query(entity), QueryJson.parse(json)).explain();
            ResultFrame frame = workspace.queryJson(entity, json);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row row : frame.rows()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                for (String column : frame.columns()) {
                    shown.put(column, DisplayValues.of(row.get(column)));
                }
                rows.add(shown);
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Plan.Step step : plan.steps()) {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("node", step.node());
                shown.put("field", step.field() == null ? "" : step.field());
                shown.put("op", step.op() == null ? "" : step.op());
                shown.put("backend", step.backend());
                shown.put("type", step.type());
                shown.put("strategy", step.strategy() == null ? "" : step.strategy());
                shown.put("mode", step.mode() == null ? "" : step.mode().id());
                shown.put("detail", step.detail() == null ? "" : step.detail());
                steps.add(shown);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("columns", frame.columns());
            out.put("rows", rows);
            out.put("plan", steps);
            return out;
        });
    }

    /** {@code Workspace.audit()}: {@code consistent} and every {@code issues} entry. */
    public Map<String, Object> audit() {
        return call(() -> {
            AuditReport report = workspaceOrThrow().audit();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("consistent", report.consistent());
            out.put("issues", issues(report.issues()));
            return out;
        });
    }

    /** {@code Workspace.repair()}: the {@code fixed} and the {@code unresolved} issues. */
    public Map<String, Object> repair() {
        return call(() -> {
            RepairReport report = workspaceOrThrow().repair();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("fixed", issues(report.fixed()));
            out.put("unresolved", issues(report.unresolved()));
            return out;
        });
    }

    @PreDestroy
    void stop() {
        pings.shutdownNow();
    }

    private static void fillBackend(Map<String, Object> row, Workspace workspace, String name) {
        try {
            Backend backend = workspace.backends().get(name);
            EngineWorkspace engine = engine(workspace);
            List<Map<String, Object>> counts = new ArrayList<>();
            for (String entity : engine.entities()) {
                StoragePlan plan = engine.plan(entity).orElseThrow();
                EntityLayout part = plan.parts().get(name);
                if (part == null) {
                    continue;
                }
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("entity", entity);
                try {
                    count.put("rows", backend.count(part));
                } catch (RuntimeException e) {
                    count.put("error", ErrorDetails.of(e));
                }
                counts.add(count);
            }
            row.put("counts", counts);
            row.put("capabilities", CapabilityMatrix.rows(backend.capabilities(), workspace.capabilities().dtypes()));
        } catch (RuntimeException e) {
            row.put("error", ErrorDetails.of(e));
        }
    }

    /** The build-time {@code heavenbase.backends."name".datasource}, as the application configured it. */
    private static String datasourceOf(Config config, String name) {
        return config.getOptionalValue("heavenbase.backends." + name + ".datasource", String.class)
                .or(() -> config.getOptionalValue("heavenbase.backends.\"" + name + "\".datasource", String.class))
                .orElse(null);
    }

    private static List<Map<String, Object>> issues(List<AuditReport.Issue> issues) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditReport.Issue issue : issues) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("kind", issue.kind());
            shown.put("entity", issue.entity());
            shown.put("objectId", issue.objectId() == null ? "" : issue.objectId());
            shown.put("backend", issue.backend() == null ? "" : issue.backend());
            shown.put("detail", issue.detail() == null ? "" : issue.detail());
            out.add(shown);
        }
        return out;
    }

    private static Map<String, Object> call(Supplier<Map<String, Object>> work) {
        try {
            Map<String, Object> out = work.get();
            out.put("ok", true);
            return out;
        } catch (RuntimeException e) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", false);
            out.put("error", ErrorDetails.of(e));
            return out;
        }
    }

    private static Map<String, Object> workspace() {
        try {
            return Map.of("workspace", workspaceOrThrow());
        } catch (RuntimeException e) {
            return Map.of("error", ErrorDetails.of(e));
        }
    }

    private static Workspace workspaceOrThrow() {
        return Arc.container().instance(Workspace.class).get();
    }

    private static EngineWorkspace engine(Workspace workspace) {
        Object target = workspace instanceof ClientProxy ? ClientProxy.unwrap(workspace) : workspace;
        if (target instanceof EngineWorkspace engine) {
            return engine;
        }
        throw new IllegalStateException("the Dev UI needs the engine workspace, got " + target.getClass().getName());
    }
}
