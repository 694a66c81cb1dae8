package io.heavenbase.bench.rows;

/**
 * As {@link BulkUpsertSqlite}, but before each operation (not timed) both sides already hold the last
 * half of the ids with other values: the timed write inserts 50k rows and updates 50k.
 */
public class BulkUpsertHalfStoredSqlite extends BulkUpsertSqlite {

    @Override
    protected int storedBefore(int size) {
        return size / 2;
    }
}
