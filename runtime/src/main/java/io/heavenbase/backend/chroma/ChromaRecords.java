package io.heavenbase.backend.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Records answered by a Chroma {@code get} or {@code query}: ids and, when asked for, their
 * metadata (a null node for a record without metadata), index-aligned.
 */
record ChromaRecords(List<String> ids, List<JsonNode> metadatas) {

    ChromaRecords {
        ids = List.copyOf(ids);
        metadatas = List.copyOf(metadatas);
    }

    int size() {
        return ids.size();
    }
}
