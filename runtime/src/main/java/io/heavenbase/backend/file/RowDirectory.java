package io.heavenbase.backend.file;

import io.heavenbase.schema.Names;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@code file} backend instance knows about one entity directory: the rows by object id and
 * the complete revision they correspond to ({@code null} when no complete revision was seen, so the
 * next read scans again). Immutable.
 */
record RowDirectory(String revision, SortedMap<String, CachedRow> rows) {

    static final RowDirectory EMPTY = new RowDirectory(null, new TreeMap<>());

    /** {@code rows} must not be changed by the caller afterwards. */
    RowDirectory {
        rows = Collections.unmodifiableSortedMap(rows);
    }

    /**
     * Lists the row files of {@code entityDirectory}, reusing the rows of {@code this} whose stamp is
     * unchanged and trusted, and reading the others; the result is tagged with {@code revision},
     * which the caller read before the scan.
     */
    RowDirectory rescan(Path entityDirectory, String entity, String revision) throws IOException {
        Map<String, CachedRow> known = new HashMap<>();
        for (CachedRow row : rows.values()) {
            known.put(RowFilesBackend.rowFileName(row.row().objectId()), row);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(entityDirectory)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (!fileName.startsWith(".") && fileName.endsWith(RowFilesBackend.ROW_SUFFIX)) {
                    files.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return new RowDirectory(revision, new TreeMap<>());
        }
        RowFileCodec codec = new RowFileCodec(entity);
        SortedMap<String, CachedRow> scanned = new TreeMap<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            long statMillis = System.currentTimeMillis();
            try {
                FileStamp stamp = FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class));
                CachedRow row = known.get(fileName);
                if (row == null || !row.stamp().equals(stamp) || row.racy()) {
                    row = new CachedRow(codec.read(file), stamp, statMillis);
                    String expected = RowFilesBackend.rowFileName(row.row().objectId());
                    if (!expected.equals(fileName)) {
                        throw new InvalidFileException(file, "it holds object_id '"
                                + Names.shorten(row.row().objectId()) + "', whose row file is named '" + expected + "'");
                    }
                }
                scanned.put(row.row().objectId(), row);
            } catch (NoSuchFileException e) {
                // Deleted by a writer since the listing; its new revision makes the next read scan again.
            }
        }
        return new RowDirectory(revision, scanned);
    }
}
