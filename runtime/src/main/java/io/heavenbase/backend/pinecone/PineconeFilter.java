package io.heavenbase.backend.pinecone;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compiled Pinecone metadata filter, or one of the two constants that need no filter at all:
 * {@link #ALL} (match every record: send no filter) and {@link #NONE} (match nothing: send no
 * query).
 *
 * @param node the filter document, null for the constants
 * @param none whether nothing matches
 */
record PineconeFilter(ObjectNode node, boolean none) {

    static final PineconeFilter ALL = new PineconeFilter(null, false);
    static final PineconeFilter NONE = new PineconeFilter(null, true);

    static PineconeFilter of(ObjectNode node) {
        return new PineconeFilter(node, false);
    }

    boolean all() {
        return node == null && !none;
    }
}
