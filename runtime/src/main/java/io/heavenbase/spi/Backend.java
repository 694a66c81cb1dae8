package io.heavenbase.spi;

import io.heavenbase.UnsupportedCapabilityException;
import io.heavenbase.capability.CapabilityTable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One opened store under a workspace backend name. Implementations are thread-safe for concurrent
 * reads; the workspace serialises writes and structure changes. Every method may throw
 * {@link io.heavenbase.BackendException} naming this backend and the operation.
 *
 * <p>Rows exchanged with a backend are maps of canonical values (see
 * {@link io.heavenbase.schema.DType#normalize}) and always carry {@code object_id}.
 */
public interface Backend extends AutoCloseable {

    /** The workspace-local name, e.g. {@code main}. */
    String name();

    /** The backend key, e.g. {@code sqlite}. */
    String type();

    CapabilityTable capabilities();

    /** Creates (idempotently) the structures for this entity part: tables, indexes, collections. */
    void ensure(EntityLayout layout);

    /**
     * Inserts or replaces whole row parts: every layout field is set (absent keys mean null).
     * Atomic per call where the store has transactions.
     */
    void upsert(EntityLayout layout, List<Map<String, Object>> rows);

    /**
     * The requested fields of the rows with these ids, keyed by object_id; ids without a row are
     * absent from the result. Each value map carries {@code object_id}.
     */
    Map<String, Map<String, Object>> fetch(EntityLayout layout, Collection<String> ids, Collection<String> fields);

    /** Deletes these ids (unknown ids are ignored). */
    void delete(EntityLayout layout, Collection<String> ids);

    /**
     * The largest filter this backend takes in one fragment; the engine splits bigger ones. A
     * backend whose native filter path has tighter limits (a parser's recursion limit, a crash on
     * large inputs) declares them here.
     */
    default FilterBudget filterBudget() {
        return FilterBudget.DEFAULT;
    }

    /** Runs a pushed-down fragment; see {@link Fragment} for the contract. */
    List<Hit> execute(EntityLayout layout, Fragment fragment);

    /**
     * Ranks rows by relevance natively; see {@link SearchFragment} for the contract. The engine calls it only for a
     * field whose copy here the capability table declares {@link io.heavenbase.capability.Ops#SEARCH} native for;
     * other backends keep this default.
     */
    default List<Hit> search(EntityLayout layout, SearchFragment search) {
        throw new UnsupportedCapabilityException(name(), null, "search",
                "backend '" + name() + "' does not rank search natively (" + layout.entityId() + "." + search.field()
                        + ")");
    }

    long count(EntityLayout layout);

    /** Every object_id stored for this entity part. */
    Set<String> ids(EntityLayout layout);

    /** Removes the structures and rows of this entity part. */
    void drop(EntityLayout layout);

    /** Forgets caches and re-reads state written by other instances or processes. */
    default void refresh() {
    }

    /** Throws when the store cannot be reached; returns quickly otherwise. */
    void ping();

    /** Releases connections and files; idempotent (a second call does nothing). */
    @Override
    void close();
}
