package io.heavenbase.backend.sql.postgres;

import io.heavenbase.conformance.AbstractConformanceSuite;
import io.heavenbase.conformance.ConformanceLayout;

/** The conformance suite on one pgvector backend {@code main} holding everything, vectors in an HNSW-indexed {@code vector(3)} column. */
class PgvectorConformanceTest extends AbstractConformanceSuite {

    @Override
    protected ConformanceLayout layout() {
        return PostgresConformanceLayouts.alone(PostgresTestServers.PGVECTOR);
    }
}
