package io.heavenbase.conformance;

import static io.heavenbase.conformance.ConformanceEntity.ID;
import static io.heavenbase.conformance.ConformanceEntity.QTY;
import static io.heavenbase.conformance.ConformanceEntity.SUMMARY;
import static io.heavenbase.conformance.ConformanceEntity.TITLE;
import static io.heavenbase.conformance.ConformanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heavenbase.Filter;
import io.heavenbase.MetaSchema;
import io.heavenbase.RegisterOption;
import io.heavenbase.Row;
import io.heavenbase.ValidationException;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Schema drift: an entity registered again (after a restart, or in the same instance with
 * {@link RegisterOption#MIGRATE}) is compared with the structure the workspace stored for it. Added
 * fields are created; a changed type or a removed field fails unless the caller asks to migrate.
 */
public interface SchemaDriftConformance extends ConformanceContext {

    String NOTE = "note";

    @Test
    default void givenStoredEntity_whenRestartedWithAnAddedField_thenFieldCreatedAndRowsKept() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadFixture();

        Workspace reopened = reopen();
        EntitySchema withNote = reopened.register(drifted(Map.of(), Set.of(), Map.of(NOTE, "ShortText")));
        reopened.upsert(withNote, row("r02", TITLE, "Apple", NOTE, "added later"));

        assertThat(reopened.count(ID)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        Row r01 = reopened.get(withNote, "r01").orElseThrow();
        assertThat(r01.getString(TITLE)).isEqualTo("apple pie");
        assertThat(r01.getLong(QTY)).isEqualTo(5L);
        assertThat(r01.get(NOTE)).isNull();
        assertThat(reopened.get(withNote, "r02").orElseThrow().getString(NOTE)).isEqualTo("added later");
    }

    @Test
    default void givenStoredEntity_whenRestartedWithAChangedType_thenRegistrationFailsNamingFieldTypesAndWayOut() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadFixture();

        Workspace reopened = reopen();
        EntitySchema changed = drifted(Map.of(QTY, "ShortText"), Set.of(), Map.of());

        assertThatThrownBy(() -> reopened.register(changed)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).rule()).isEqualTo("schema_drift"))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(QTY))
                .hasMessageContaining("'" + ID + "'")
                .hasMessageContaining("field 'qty' is stored as Integer but is now declared as ShortText")
                .hasMessageContaining("RegisterOption.MIGRATE").hasMessageContaining("heavenbase.schema.on-drift")
                .hasMessageContaining("drop");
        EntitySchema original = reopened.register(ConformanceEntity.schema(currentLayout()));
        assertThat(reopened.get(original, "r01").orElseThrow().getLong(QTY)).isEqualTo(5L);
        assertThat(reopened.count(original)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenStoredEntity_whenRestartedWithoutAField_thenRegistrationFailsNamingTheRemovedField() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadFixture();

        Workspace reopened = reopen();
        EntitySchema withoutSummary = drifted(Map.of(), Set.of(SUMMARY), Map.of());

        assertThatThrownBy(() -> reopened.register(withoutSummary)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).rule()).isEqualTo("schema_drift"))
                .hasMessageContaining("'" + ID + "'")
                .hasMessageContaining("field 'summary' is stored as MediumText but is no longer declared")
                .hasMessageContaining("RegisterOption.MIGRATE");
        assertThat(storedTypes(reopened)).containsEntry(SUMMARY, "MediumText").containsEntry(QTY, "Integer");
    }

    @Test
    default void givenStoredEntity_whenRestartedAndMigrated_thenRowsKeptChangedValuesLostAndNewTypeWritable() {
        assumeTrue(currentLayout().persistent(), "stores of this layout live only as long as the workspace");
        loadFixture();
        EntitySchema target = drifted(Map.of(QTY, "ShortText"), Set.of(SUMMARY), Map.of(NOTE, "ShortText"));

        Workspace reopened = reopen();
        EntitySchema migrated = reopened.register(target, RegisterOption.MIGRATE);
        reopened.upsert(migrated, row("r02", TITLE, "Apple", QTY, "ten"));

        assertThat(reopened.count(ID)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        Row r01 = reopened.get(migrated, "r01").orElseThrow();
        assertThat(r01.getString(TITLE)).isEqualTo("apple pie");
        assertThat(r01.get(QTY)).isNull();
        assertThat(r01).doesNotContainKey(SUMMARY);
        assertThat(reopened.query(migrated).where(Filter.eq(QTY, "ten")).execute().ids()).containsExactly("r02");
        assertThat(storedTypes(reopened)).containsEntry(QTY, "ShortText").containsEntry(NOTE, "ShortText")
                .doesNotContainKey(SUMMARY);
        assertThat(reopened.audit().issues()).isEmpty();

        Workspace again = reopen();
        EntitySchema registeredAgain = again.register(target);
        assertThat(again.get(registeredAgain, "r02").orElseThrow().getString(QTY)).isEqualTo("ten");
        assertThat(again.count(ID)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenRegisteredEntity_whenMigratedInTheSameInstance_thenRowsKeptAndChangedFieldTakesTheNewType() {
        loadFixture();
        EntitySchema target = drifted(Map.of(QTY, "ShortText"), Set.of(), Map.of());

        EntitySchema migrated = ws().register(target, RegisterOption.MIGRATE);
        ws().upsert(migrated, row("r03", TITLE, "éclair", QTY, "three"));

        assertThat(ws().count(ID)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertThat(ws().get(migrated, "r01").orElseThrow().get(QTY)).isNull();
        assertThat(ws().get(migrated, "r07").orElseThrow().getString(TITLE)).isEqualTo("Zebra");
        assertThat(ws().get(migrated, "r03").orElseThrow().getString(QTY)).isEqualTo("three");
        assertThat(storedTypes(ws())).containsEntry(QTY, "ShortText");
    }

    @Test
    default void givenFieldRemovedByMigration_whenAddedBackWithAnotherType_thenItHoldsValuesOfTheNewType() {
        loadFixture();
        ws().register(drifted(Map.of(), Set.of(SUMMARY), Map.of()), RegisterOption.MIGRATE);

        EntitySchema readded = ws().register(drifted(Map.of(SUMMARY, "Integer"), Set.of(), Map.of()),
                RegisterOption.MIGRATE);
        ws().upsert(readded, row("r05", TITLE, "banana split", SUMMARY, 42L));

        assertThat(ws().get(readded, "r05").orElseThrow().getLong(SUMMARY)).isEqualTo(42L);
        assertThat(ws().get(readded, "r01").orElseThrow().get(SUMMARY)).isNull();
        assertThat(ws().count(ID)).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
    }

    @Test
    default void givenRequiredChangedFieldWithoutDefault_whenMigrate_thenFailsBeforeAnythingIsDropped() {
        loadFixture();
        Map<String, String> types = new LinkedHashMap<>(ConformanceEntity.TYPES);
        types.put(QTY, "ShortText");
        EntitySchema.Builder builder = EntitySchema.builder(ID).desc("conformance suite entity");
        types.forEach((field, dtype) -> builder.field(field, dtype, f -> {
            if (currentLayout().backendOf(field) != null) {
                f.store(currentLayout().backendOf(field));
            }
            if (field.equals(QTY)) {
                f.required();
            }
        }));
        EntitySchema strict = builder.build();

        assertThatThrownBy(() -> ws().register(strict, RegisterOption.MIGRATE)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be migrated").hasMessageContaining("qty");
        assertThat(ws().count(item())).isEqualTo(ConformanceRows.FIXTURE_IDS.size());
        assertThat(stored("r01").getLong(QTY)).isEqualTo(5L);
    }

    /** The suite entity with types changed, fields removed and fields added, placed as the layout says. */
    private EntitySchema drifted(Map<String, String> changed, Set<String> removed, Map<String, String> added) {
        Map<String, String> types = new LinkedHashMap<>(ConformanceEntity.TYPES);
        types.putAll(changed);
        removed.forEach(types::remove);
        types.putAll(added);
        EntitySchema.Builder builder = EntitySchema.builder(ID).desc("conformance suite entity");
        types.forEach((field, dtype) -> {
            String backend = currentLayout().backendOf(field);
            if (backend == null) {
                builder.field(field, dtype);
            } else {
                builder.field(field, dtype, f -> f.store(backend));
            }
        });
        return builder.build();
    }

    /** Field name to stored type, as the workspace's {@code sys-metaschema} describes the suite entity. */
    private static Map<String, String> storedTypes(Workspace workspace) {
        List<Row> rows = workspace.query(MetaSchema.class).where(Filter.and(Filter.eq("kind", "field"),
                Filter.eq("entity", ID))).execute().rows();
        return rows.stream().collect(Collectors.toMap(r -> r.getString("field"), r -> r.getString("dtype"),
                (a, b) -> a));
    }
}
