package io.heavenbase.quarkus.deployment.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.heavenbase.quarkus.deployment.ConfiguredBackendsBuildItem;
import io.heavenbase.quarkus.deployment.HeavenEntitiesBuildItem;
import io.heavenbase.quarkus.runtime.BackendDefinition;
import io.heavenbase.quarkus.runtime.devui.HeavenBaseJsonRpcService;
import io.heavenbase.routing.Placement;
import io.heavenbase.routing.StoragePlan;
import io.heavenbase.schema.FieldSchema;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The HeavenBase card of the Dev UI: the backends with their type, live state, connection target, row counts and
 * capability matrix; the entities with the backend, strategy and (text fields) analyzer of every field; a query
 * page (JSON query, results, {@code explain()}); audit and repair.
 */
class DevUIProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card(ConfiguredBackendsBuildItem backends, HeavenEntitiesBuildItem entities) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addBuildTimeData("backends", backendRows(backends));
        card.addBuildTimeData("entities", entityRows(entities));
        card.addPage(Page.webComponentPageBuilder()
                .title("Backends")
                .icon("font-awesome-solid:database")
                .componentLink("qwc-heavenbase-backends.js")
                .staticLabel(String.valueOf(backends.definitions().size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Entities")
                .icon("font-awesome-solid:table")
                .componentLink("qwc-heavenbase-entities.js")
                .staticLabel(String.valueOf(entities.classNames().size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Query")
                .icon("font-awesome-solid:magnifying-glass")
                .componentLink("qwc-heavenbase-query.js"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Audit and repair")
                .icon("font-awesome-solid:stethoscope")
                .componentLink("qwc-heavenbase-audit.js"));
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(HeavenBaseJsonRpcService.class);
    }

    private static List<Map<String, Object>> backendRows(ConfiguredBackendsBuildItem backends) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BackendDefinition backend : backends.definitions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", backend.getName());
            row.put("type", backend.getType());
            row.put("datasource", backend.getDataSource() == null ? "" : backend.getDataSource());
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> entityRows(HeavenEntitiesBuildItem entities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, StoragePlan> entity : entities.plans().entrySet()) {
            StoragePlan plan = entity.getValue();
            for (FieldSchema field : plan.schema().fields()) {
                List<Placement> placements = plan.placements(field.name());
                if (placements.isEmpty()) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("entity", plan.entityId());
                row.put("className", entity.getKey());
                row.put("field", field.name());
                row.put("dtype", field.dtype().toString());
                row.put("backend", placements.get(0).backend());
                row.put("strategy", placements.get(0).strategy().id());
                List<String> copies = new ArrayList<>();
                for (Placement copy : placements.subList(1, placements.size())) {
                    copies.add(copy.backend() + " (" + copy.strategy().id() + ")");
                }
                row.put("copies", String.join(", ", copies));
                row.put("analyzer", field.dtype().kind().isText() ? field.analyzer().id() : "");
                rows.add(row);
            }
        }
        return rows;
    }
}
