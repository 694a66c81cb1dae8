package io.heavenbase.backend.file;

import io.heavenbase.capability.CapabilityTable;
import io.heavenbase.schema.DType.Kind;
import io.heavenbase.schema.Strategy;
import java.util.EnumSet;

/**
 * What the {@code json}, {@code pickle} and {@code file} backends can do: store every logical type
 * as an inline value of its row. They keep no index, so every filter, {@code match}, order and
 * {@code near} runs in the engine (fallback).
 */
final class FileBackendCapabilities {

    static final CapabilityTable TABLE = CapabilityTable.builder()
            .store(Strategy.INLINE_COLUMN, EnumSet.allOf(Kind.class))
            .build();

    private FileBackendCapabilities() {
    }
}
