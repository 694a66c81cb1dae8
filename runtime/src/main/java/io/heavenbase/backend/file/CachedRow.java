package io.heavenbase.backend.file;

/** A parsed row file with the stamp it had when it was read (stat-ed at {@code statMillis}). */
record CachedRow(RowFile content, FileStamp stamp, long statMillis) {

    StoredRow row() {
        return content.row();
    }

    /** Whether the file may have changed although its stamp did not (see {@link FileStamp}). */
    boolean racy() {
        return stamp.racy(statMillis);
    }
}
