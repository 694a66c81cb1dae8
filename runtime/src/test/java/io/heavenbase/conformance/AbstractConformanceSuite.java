package io.heavenbase.conformance;

import io.heavenbase.HeavenBase;
import io.heavenbase.Workspace;
import io.heavenbase.schema.EntitySchema;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The backend conformance suite: every behaviour SPEC §3 requires of every backend, run against one
 * {@link ConformanceLayout}. A backend (or arrangement of backends) joins by a subclass that only
 * returns its layout. Each test gets a fresh workspace with the suite entity registered; it is
 * dropped and closed afterwards.
 */
public abstract class AbstractConformanceSuite implements WriteConformance, FilterConformance, OrderConformance,
        NearConformance, ProjectionConformance, ExplainConformance, SystemConformance, RegistrationConformance,
        BadWriteConformance, BadQueryConformance, EdgeValueConformance, HostileInputConformance,
        ValueSemanticsConformance, CatalogConformance, SchemaDriftConformance, SearchConformance,
        AnalyzerConformance {

    private ConformanceLayout layout;
    private String workspaceId;
    private Workspace workspace;
    private EntitySchema item;
    private final List<Workspace> secondInstances = new ArrayList<>();

    /** The layout under test; called once per test, so it may create fresh resources. */
    protected abstract ConformanceLayout layout();

    @BeforeEach
    void openWorkspace() {
        layout = layout();
        workspaceId = "conf-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        workspace = HeavenBase.open(workspaceId, layout.backends());
        item = workspace.register(ConformanceEntity.schema(layout));
    }

    @AfterEach
    void dropWorkspace() {
        try {
            secondInstances.forEach(Workspace::close);
            if (workspace != null) {
                try {
                    workspace.drop();
                } finally {
                    workspace.close();
                }
            }
        } finally {
            if (layout != null) {
                layout.cleanup().run();
            }
        }
    }

    @Override
    public Workspace ws() {
        return workspace;
    }

    @Override
    public ConformanceLayout currentLayout() {
        return layout;
    }

    @Override
    public EntitySchema item() {
        return item;
    }

    @Override
    public Workspace openSecondInstance() {
        Workspace second = HeavenBase.open(workspaceId, layout.backends());
        secondInstances.add(second);
        return second;
    }

    @Override
    public Workspace reopen() {
        Workspace old = workspace;
        workspace = null;
        old.close();
        workspace = HeavenBase.open(workspaceId, layout.backends());
        return workspace;
    }
}
