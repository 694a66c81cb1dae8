package io.heavenbase.conformance;

import io.heavenbase.BackendException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The switchboard of the {@code faulty} test backend: per {@code fault-id}, which backend
 * operations fail next (once) or always, until cleared.
 */
public final class Faults {

    private static final Map<String, Set<String>> ONCE = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> ALWAYS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Integer>> COUNTDOWN = new ConcurrentHashMap<>();

    private Faults() {
    }

    /** The next call of each operation (e.g. {@code upsert}, {@code delete}) fails, once. */
    public static void failNext(String faultId, String... operations) {
        ONCE.computeIfAbsent(faultId, id -> ConcurrentHashMap.newKeySet()).addAll(Set.of(operations));
    }

    /** The {@code n}-th call of {@code operation} from now fails (n = 1 is the next call), once. */
    public static void failCall(String faultId, String operation, int n) {
        COUNTDOWN.computeIfAbsent(faultId, id -> new ConcurrentHashMap<>()).put(operation, n);
    }

    /** Every call of each operation fails until {@link #clear}. */
    public static void failAlways(String faultId, String... operations) {
        ALWAYS.computeIfAbsent(faultId, id -> ConcurrentHashMap.newKeySet()).addAll(Set.of(operations));
    }

    public static void clear(String faultId) {
        ONCE.remove(faultId);
        ALWAYS.remove(faultId);
        COUNTDOWN.remove(faultId);
    }

    /** Throws the injected failure when {@code operation} is armed for this fault id. */
    static void check(String faultId, String backend, String operation) {
        Set<String> once = ONCE.get(faultId);
        boolean armed = once != null && once.remove(operation);
        Map<String, Integer> countdown = COUNTDOWN.get(faultId);
        Integer callsLeft = countdown == null ? null : countdown.computeIfPresent(operation, (op, n) -> n - 1);
        if (callsLeft != null && callsLeft == 0) {
            countdown.remove(operation);
            armed = true;
        }
        Set<String> always = ALWAYS.get(faultId);
        if (armed || (always != null && always.contains(operation))) {
            throw new BackendException(backend, operation, "injected fault", null);
        }
    }
}
