package io.heavenbase.backend.sql.postgres;

import java.util.Locale;

/**
 * The approximate index a pgvector backend builds on each VectorIndex field (setting {@code index}),
 * for the cosine metric, which {@code near} uses unless told otherwise. {@code dot} and {@code l2}
 * searches always scan exactly.
 */
enum PgvectorIndex {
    HNSW("hnsw (%s vector_cosine_ops)"),
    IVFFLAT("ivfflat (%s vector_cosine_ops) WITH (lists = " + PgvectorIndex.IVFFLAT_LISTS + ")"),
    NONE(null);

    /** Lists of an IVFFlat index, and how many of them a search probes. */
    static final int IVFFLAT_LISTS = 100;
    static final int IVFFLAT_PROBES = 10;
    /** pgvector indexes vectors of at most this many dimensions. */
    static final int MAX_INDEXED_DIMENSION = 2000;

    private final String id = name().toLowerCase(Locale.ROOT);
    private final String method;

    PgvectorIndex(String method) {
        this.method = method;
    }

    String id() {
        return id;
    }

    /** The index setting's value, or null when it is none of hnsw, ivfflat, none. */
    static PgvectorIndex parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (PgvectorIndex index : values()) {
            if (index.id.equals(wanted)) {
                return index;
            }
        }
        return null;
    }

    /** {@code USING ...} of the CREATE INDEX statement for a quoted column. */
    String using(String quotedColumn) {
        return "USING " + String.format(Locale.ROOT, method, quotedColumn);
    }

    /** The {@code SET LOCAL} statements that make an index search return enough filtered rows. */
    String[] searchSettings(boolean iterativeScan, int candidates) {
        switch (this) {
            case HNSW:
                String efSearch = "SET LOCAL hnsw.ef_search = " + Math.max(40, Math.min(1000, candidates));
                return iterativeScan
                        ? new String[] {"SET LOCAL hnsw.iterative_scan = relaxed_order", efSearch}
                        : new String[] {efSearch};
            case IVFFLAT:
                String probes = "SET LOCAL ivfflat.probes = " + IVFFLAT_PROBES;
                return iterativeScan
                        ? new String[] {"SET LOCAL ivfflat.iterative_scan = relaxed_order", probes}
                        : new String[] {probes};
            default:
                return new String[0];
        }
    }
}
