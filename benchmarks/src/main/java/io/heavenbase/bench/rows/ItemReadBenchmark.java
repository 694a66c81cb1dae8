package io.heavenbase.bench.rows;

import io.heavenbase.bench.PairedBenchmarkState;
import io.heavenbase.bench.data.ItemStore;
import io.heavenbase.bench.data.Items;
import org.openjdk.jmh.annotations.Param;

/**
 * What the read rows share: {@code size} {@link Items} written once through HeavenBase into the
 * store the row opens, with whatever its baseline reads them with, all closed after the trial.
 */
public abstract class ItemReadBenchmark extends PairedBenchmarkState {

    @Param("100000")
    public int size;

    private ItemStore store;

    @Override
    public void open(int size) throws Exception {
        this.size = size;
        store = openStore(size);
    }

    @Override
    public final void close() throws Exception {
        store.close();
    }

    /** The items, and whatever the baseline reads them with (registered on the store to close with it). */
    protected abstract ItemStore openStore(int size) throws Exception;

    /** What the baseline found, in the form HeavenBase returns it (outside the timing); itself by default. */
    protected Object comparable(Object found) {
        return found;
    }

    protected final ItemStore store() {
        return store;
    }
}
