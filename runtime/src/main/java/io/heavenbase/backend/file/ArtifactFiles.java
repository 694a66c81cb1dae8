package io.heavenbase.backend.file;

import io.heavenbase.schema.DType;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The Artifact files of one entity directory of the {@code file} backend (see {@link ArtifactRef}). */
final class ArtifactFiles {

    private final Path entityDirectory;

    ArtifactFiles(Path entityDirectory) {
        this.entityDirectory = entityDirectory;
    }

    /**
     * Writes the Artifact values of {@code row} to their files (unless the same content is already
     * there, adding the written files to {@code written}) and returns the row file content referring
     * to them; old artifact files the new row no longer refers to are added to {@code obsolete}.
     * The caller syncs the directory before writing the row file.
     */
    RowFile store(EntityLayout layout, StoredRow row, CachedRow old, List<Path> written, List<Path> obsolete)
            throws IOException {
        Map<String, DType> fields = new LinkedHashMap<>(old == null ? Map.of() : old.content().fields());
        for (StoredField field : layout.fields()) {
            fields.put(field.name(), field.dtype());
        }
        SortedMap<String, Object> values = new TreeMap<>(row.values());
        Set<Path> kept = new HashSet<>();
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            if (entry.getValue() instanceof byte[] && fields.get(entry.getKey()).kind() == DType.Kind.ARTIFACT) {
                byte[] content = (byte[]) entry.getValue();
                ArtifactRef ref = ArtifactRef.of(content);
                Path target = entityDirectory.resolve(ref.fileName(row.objectId(), entry.getKey()));
                boolean unchanged = old != null && ref.equals(old.row().values().get(entry.getKey()))
                        && Files.exists(target);
                if (!unchanged) {
                    DurableFiles.replace(target, out -> out.write(content), DurableFiles.Sync.FILE);
                    written.add(target);
                }
                values.put(entry.getKey(), ref);
                kept.add(target);
            } else if (entry.getValue() instanceof ArtifactRef) {
                kept.add(entityDirectory.resolve(((ArtifactRef) entry.getValue()).fileName(row.objectId(),
                        entry.getKey())));
            }
        }
        if (old != null) {
            for (Path previous : of(old.row())) {
                if (!kept.contains(previous)) {
                    obsolete.add(previous);
                }
            }
        }
        return new RowFile(fields, new StoredRow(row.objectId(), values));
    }

    /** The artifact files {@code row} refers to. */
    List<Path> of(StoredRow row) {
        List<Path> files = new ArrayList<>();
        row.values().forEach((field, value) -> {
            if (value instanceof ArtifactRef) {
                files.add(entityDirectory.resolve(((ArtifactRef) value).fileName(row.objectId(), field)));
            }
        });
        return files;
    }

    /** Deletes artifact files none of {@code rows} refers to (left by a killed writer). Under the lock. */
    void removeOrphans(Collection<CachedRow> rows) throws IOException {
        Set<Path> referenced = new HashSet<>();
        for (CachedRow row : rows) {
            referenced.addAll(of(row.row()));
        }
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(entityDirectory, "*" + ArtifactRef.SUFFIX)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".") && !referenced.contains(entry)) {
                    orphans.add(entry);
                }
            }
        }
        for (Path orphan : orphans) {
            Files.deleteIfExists(orphan);
        }
    }

    /** The content of the artifact of {@code field} of row {@code id}, checked against its size and hash. */
    byte[] read(String id, String field, ArtifactRef ref) throws IOException {
        Path file = entityDirectory.resolve(ref.fileName(id, field));
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MissingArtifactException(entityDirectory.resolve(RowFilesBackend.rowFileName(id)), file, field);
        }
        if (!ref.matches(content)) {
            throw new InvalidFileException(file, "its content does not match the size and SHA-256 recorded in '"
                    + RowFilesBackend.rowFileName(id) + "'");
        }
        return content;
    }
}
