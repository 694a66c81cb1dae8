package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.BODY;
import static io.heavenbase.conformance.ConformanceEntity.COLOR;
import static io.heavenbase.conformance.ConformanceEntity.EMBEDDING;
import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.PRICE;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.TAGS;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.ExecutionMode;
import io.heavenbase.Filter;
import io.heavenbase.Plan;
import io.heavenbase.Query;
import io.heavenbase.schema.DType;
import io.heavenbase.schema.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** explain(): one step per leaf naming backend, provider type, field, strategy and mode, from the same registry as capabilities(). */
public interface ExplainConformance extends ConformanceContext {

    /** A query touching text, numbers, arrays, full text, near and order on every backend of the split layouts. */
    default Query wideQuery() {
        return ws().query(item())
                .where(Filter.or(Filter.eq(TITLE, "apple"), Filter.match(BODY, "fox")))
                .where(Filter.not(Filter.lt(QTY, 3)))
                .where(Filter.arrayContains(TAGS, "pie"))
                .where(Filter.in(COLOR, "red", "blue"))
                .near(EMBEDDING, new float[] {1, 0, 0}, 5)
                .orderBy(PRICE);
    }

    @Test
    default void givenQuery_whenExplain_thenOneFilterStepPerLeafNamingItsField() {
        Plan plan = wideQuery().explain();

        assertThat(plan.entity()).isEqualTo(ID);
        assertThat(plan.steps("filter")).extracting(Plan.Step::field)
                .containsExactlyInAnyOrder(TITLE, BODY, QTY, TAGS, COLOR);
        assertThat(plan.steps("filter")).extracting(Plan.Step::op)
                .containsExactlyInAnyOrder("eq", "match", "lt", "array_contains", "in");
        assertThat(plan.steps("near")).singleElement().satisfies(step -> {
            assertThat(step.field()).isEqualTo(EMBEDDING);
            assertThat(step.op()).isEqualTo("near");
        });
        assertThat(plan.steps("order")).extracting(Plan.Step::field).containsExactly(PRICE);
    }

    @Test
    default void givenQuery_whenExplain_thenEachStepNamesTheBackendItsProviderTypeAndStrategy() {
        Plan plan = wideQuery().explain();

        for (Plan.Step step : leafSteps(plan)) {
            assertThat(ws().backends().names()).as("backend of %s", step).contains(step.backend());
            assertThat(step.type()).as("type of %s", step).isEqualTo(ws().backends().get(step.backend()).type());
            assertThat(Strategy.parse(step.strategy())).as("strategy of %s", step).isNotNull();
            assertThat(step.mode()).as("mode of %s", step).isNotNull();
            String placed = currentLayout().backendOf(step.field());
            if (placed != null) {
                assertThat(step.backend()).as("backend of %s", step).isEqualTo(placed);
            }
        }
    }

    @Test
    default void givenQuery_whenExplain_thenEveryFilterAndNearModeAgreesWithWorkspaceCapabilities() {
        Plan plan = wideQuery().explain();

        for (Plan.Step step : leafSteps(plan)) {
            DType dtype = item().field(step.field()).dtype();
            Strategy strategy = Strategy.parse(step.strategy());
            assertThat(ws().capabilities().mode(dtype, strategy, step.op(), step.backend()))
                    .as("capabilities().mode for %s", step).contains(step.mode());
            assertThat(ws().capabilities().ops(dtype, strategy, step.backend()))
                    .as("capabilities().ops for %s", step).contains(step.op());
        }
    }

    @Test
    default void givenOrderStep_whenExplain_thenNativeOnlyWhereCapabilitiesSayNative() {
        List<Plan.Step> orders = new ArrayList<>(wideQuery().explain().steps("order"));
        orders.addAll(ws().query(item()).where(Filter.eq(COLOR, "red")).orderBy(PRICE).orderByDesc(TITLE).explain()
                .steps("order"));

        assertThat(orders).hasSize(3);
        for (Plan.Step step : orders) {
            Optional<ExecutionMode> registry = ws().capabilities().mode(item().field(step.field()).dtype(),
                    Strategy.parse(step.strategy()), "order", step.backend());
            assertThat(registry).as("capabilities().mode for %s", step).isPresent();
            if (step.mode() == ExecutionMode.NATIVE) {
                assertThat(registry).as("capabilities().mode for %s", step).contains(ExecutionMode.NATIVE);
            }
        }
    }

    @Test
    default void givenOnlyInMemBackends_whenExplain_thenFiltersNearAndPlainOrderRunNatively() {
        assumeTrue(currentLayout().allOfType("inmem"), "layout has backends other than inmem");

        List<Plan.Step> steps = new ArrayList<>(leafSteps(wideQuery().explain()));
        steps.addAll(ws().query(item()).where(Filter.eq(COLOR, "red")).orderBy(PRICE).explain().steps("order"));

        assertThat(steps).hasSize(7).allSatisfy(step -> assertThat(step.mode()).as("%s", step)
                .isEqualTo(ExecutionMode.NATIVE));
    }

    @Test
    default void givenData_whenExplain_thenNothingIsWrittenOrChanged() {
        loadFixture();
        Object before = snapshot(ConformanceRows.FIXTURE_IDS);

        wideQuery().explain();
        ws().query(item()).explain();

        assertThat(snapshot(ConformanceRows.FIXTURE_IDS)).isEqualTo(before);
        assertThat(ws().audit().consistent()).isTrue();
    }

    @Test
    default void givenEmptyWorkspace_whenExplain_thenPlanIsStillProduced() {
        Plan plan = wideQuery().explain();

        assertThat(plan.steps("filter")).hasSize(5);
        assertThat(ws().count(item())).isZero();
    }

    private static List<Plan.Step> leafSteps(Plan plan) {
        return plan.steps().stream().filter(s -> List.of("filter", "near").contains(s.node())).toList();
    }
}
