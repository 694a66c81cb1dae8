package io.heavenbase.backend.file;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file without reading it: the file key (inode, which every
 * atomic replace changes), modification time and size. Inodes are reused and modification times
 * are coarse, so a stamp is only trusted for a file that was already older than
 * {@value #RACY_WINDOW_MILLIS} ms when it was read ("racily clean" otherwise, as git calls it): a
 * later replacement then necessarily carries a later time.
 */
record FileStamp(Object fileKey, FileTime modified, long size) {

    static final long RACY_WINDOW_MILLIS = 2_000;

    static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }

    /** Whether a file with this stamp, stat-ed at {@code statMillis}, may change without a new stamp. */
    boolean racy(long statMillis) {
        return statMillis - modified.toMillis() < RACY_WINDOW_MILLIS;
    }
}
