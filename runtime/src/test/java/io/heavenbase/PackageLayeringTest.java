package io.heavenbase;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layering of the main code, as docs/architecture.md ("Package layers") describes it. Each layer may
 * use only the layers below it; the few exceptions that exist are listed here, each with its reason.
 */
@AnalyzeClasses(packages = "io.heavenbase", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayeringTest {

    private static final String API = "api";
    private static final String CAPABILITY = "capability";
    private static final String QUERY = "query";
    private static final String SPI = "spi";
    private static final String ROUTING = "routing";
    private static final String SYSTEM = "system";
    private static final String ENGINE = "engine";
    private static final String BACKENDS = "backends";
    private static final String QUARKUS = "quarkus";

    @ArchTest
    static final ArchRule layersUseOnlyTheLayersBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(API).definedBy("io.heavenbase", "io.heavenbase.schema..")
            .layer(CAPABILITY).definedBy("io.heavenbase.capability..")
            .layer(QUERY).definedBy("io.heavenbase.query..")
            .layer(SPI).definedBy("io.heavenbase.spi..")
            .layer(ROUTING).definedBy("io.heavenbase.routing..")
            .layer(SYSTEM).definedBy("io.heavenbase.system..")
            .layer(ENGINE).definedBy("io.heavenbase.engine..")
            .layer(BACKENDS).definedBy("io.heavenbase.backend..")
            .layer(QUARKUS).definedBy("io.heavenbase.quarkus..")
            .whereLayer(API).mayNotAccessAnyLayer()
            .whereLayer(CAPABILITY).mayOnlyAccessLayers(API)
            .whereLayer(QUERY).mayOnlyAccessLayers(API, CAPABILITY)
            .whereLayer(SPI).mayOnlyAccessLayers(API, CAPABILITY, QUERY)
            .whereLayer(ROUTING).mayOnlyAccessLayers(API, CAPABILITY, QUERY, SPI)
            .whereLayer(SYSTEM).mayOnlyAccessLayers(API, CAPABILITY, QUERY, SPI, ROUTING)
            .whereLayer(ENGINE).mayOnlyAccessLayers(API, CAPABILITY, QUERY, SPI, ROUTING, SYSTEM)
            .whereLayer(BACKENDS).mayOnlyAccessLayers(API, CAPABILITY, QUERY, SPI)
            .whereLayer(QUARKUS).mayOnlyAccessLayers(API, CAPABILITY, QUERY, SPI, ROUTING, SYSTEM, ENGINE)
            // The public builders Filter and Query produce the query AST (Expr, QuerySpec) and run it through
            // QueryRunner, which the engine implements: the API is a facade over the query layer.
            .ignoreDependency(classOrNested(Filter.class).or(classOrNested(Query.class)),
                    resideInAPackage("io.heavenbase.query.."))
            // HeavenBase.open(...) is the plain-Java entry point: it hands over to the engine's WorkspaceFactory.
            .ignoreDependency(classOrNested(HeavenBase.class), resideInAPackage("io.heavenbase.engine.."))
            // Workspace.backends() hands out each backend's SPI object by name (SPEC: direct backend access).
            .ignoreDependency(classOrNested(Backends.class), resideInAPackage("io.heavenbase.spi.."));

    @ArchTest
    static final ArchRule backendFamiliesNeverUseEachOther = slices()
            .matching("io.heavenbase.backend.(*)..")
            .should().notDependOnEachOther();

    /** The SQL dialect families (backend.sql.sqlite, .postgres, ...) use only the SQL core, never each other. */
    @ArchTest
    static final ArchRule sqlDialectFamiliesNeverUseEachOther = slices()
            .matching("io.heavenbase.backend.sql.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyTheQuarkusPackagesUseQuarkus = noClasses()
            .that().resideOutsideOfPackage("io.heavenbase.quarkus..")
            .should().dependOnClassesThat().resideInAPackage("io.quarkus..");

    private static DescribedPredicate<JavaClass> classOrNested(Class<?> type) {
        return classOrNamed(type.getName());
    }

    private static DescribedPredicate<JavaClass> classOrNamed(String name) {
        return describe(name + " or its nested classes",
                javaClass -> javaClass.getName().equals(name) || javaClass.getName().startsWith(name + "$"));
    }
}
