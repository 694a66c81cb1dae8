package io.heavenbase.backend.lance;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;
import io.heavenbase.conformance.StructureListers;
import java.nio.file.Path;
import java.util.Map;

/**
 * The conformance suite with one lance backend {@code main} holding every field (and the system
 * entities); the datasets outlive a workspace, so the reopen and second-instance tests run too.
 */
class LanceConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        Path directory = LanceFixtures.temporaryDirectory();
        return new ConformanceLayout("lance", Map.of("main", LanceFixtures.config(directory)), Map.of(),
                () -> LanceFixtures.removeTree(directory)).persistentStores()
                .listingStructures(StructureListers.files(directory));
    }
}
