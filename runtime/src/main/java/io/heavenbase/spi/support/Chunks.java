package io.heavenbase.spi.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits object ids into batches a store accepts in one request or statement (a SQL bind limit, a REST page, a
 * delete batch). Each id appears once, in the order first given.
 */
public final class Chunks {

    private Chunks() {
    }

    /**
     * The distinct ids of {@code ids}, in their first order, in consecutive lists of {@code size} (the last may be
     * shorter); no lists for no ids.
     *
     * @throws IllegalArgumentException when {@code size} is not positive (a backend's constant, never user input)
     */
    public static List<List<String>> of(Collection<String> ids, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            current.add(id);
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
