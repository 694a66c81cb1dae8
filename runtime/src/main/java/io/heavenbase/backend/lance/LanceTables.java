package io.heavenbase.backend.lance;

import com.lancedb.lance.Dataset;
import com.lancedb.lance.WriteParams;
import com.lancedb.lance.index.DistanceType;
import com.lancedb.lance.index.IndexParams;
import com.lancedb.lance.index.IndexType;
import com.lancedb.lance.index.vector.VectorIndexParams;
import com.lancedb.lance.ipc.LanceScanner;
import com.lancedb.lance.ipc.Query;
import com.lancedb.lance.ipc.ScanOptions;
import com.lancedb.lance.merge.MergeInsertParams;
import com.lancedb.lance.merge.MergeInsertResult;
import io.heavenbase.Metric;
import io.heavenbase.schema.Names;
import io.heavenbase.schema.Strategy;
import io.heavenbase.spi.EntityLayout;
import io.heavenbase.spi.StoredField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Lance datasets of one backend: {@code <path>/<prefix><entity>.lance} per entity part, opened
 * once and kept (each open dataset sees the version it was opened at or last wrote) until
 * {@link #forget()} closes them, so the next access opens the latest version. One
 * {@link RootAllocator} serves every dataset, scan and write; every Arrow reader, stream and
 * dataset is closed after use, so {@link #close()} finds the allocator empty.
 *
 * <p>Not synchronised: {@link LanceBackend} lets reads in concurrently and serialises writes,
 * structure changes and {@link #forget()} against them.
 */
final class LanceTables implements AutoCloseable {

    /** The column Lance adds to nearest-neighbour results. */
    static final String DISTANCE = "_distance";
    private static final String INDEX_SUFFIX = "_idx";
    private static final int MAX_PARTITIONS = 4096;

    private final LanceSettings settings;
    private final BufferAllocator allocator = new RootAllocator();
    private final Map<String, Dataset> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> writesSinceCompaction = new HashMap<>();

    LanceTables(LanceSettings settings) {
        this.settings = settings;
    }

    /** Bytes the allocator holds right now (0 when nothing is being read or written). */
    long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    Path location(EntityLayout layout) {
        return settings.directory().resolve(layout.physicalName(settings.prefix()) + ".lance");
    }

    /** Creates the dataset, or adds the layout's missing columns to an existing one. */
    void ensure(EntityLayout layout) {
        Path location = location(layout);
        Schema wanted = ArrowColumns.schema(layout);
        if (!Files.exists(location)) {
            Dataset.create(allocator, location.toString(), wanted, new WriteParams.Builder().build()).close();
            return;
        }
        Dataset dataset = dataset(layout);
        Schema stored = dataset.getSchema();
        List<Field> missing = new ArrayList<>();
        for (Field field : wanted.getFields()) {
            Field existing = findField(stored, field.getName());
            if (existing == null) {
                missing.add(field);
            } else if (!sameType(existing, field)) {
                throw new IllegalStateException("the dataset " + location.getFileName() + " stores column '"
                        + field.getName() + "' as " + describe(existing) + ", but " + layout.entityId() + "."
                        + field.getName() + " needs " + describe(field));
            }
        }
        if (!missing.isEmpty()) {
            dataset.addColumns(missing);
            forget(layout);
        }
    }

    /** Inserts or replaces rows by {@code object_id} (one merge-insert, so one new version). */
    void upsert(EntityLayout layout, List<Map<String, Object>> rows) {
        Dataset dataset = existing(layout, "upsert");
        ArrowBatchEncoder.withStream(allocator, dataset.getSchema(), layout, rows, stream -> {
            MergeInsertResult result = dataset.mergeInsert(new MergeInsertParams(List.of(Names.OBJECT_ID))
                    .withMatchedUpdateAll().withNotMatched(MergeInsertParams.WhenNotMatched.InsertAll), stream);
            replace(layout, result.dataset());
        });
        afterWrite(layout);
    }

    /** Deletes the rows a filter selects. */
    void delete(EntityLayout layout, String filter) {
        existing(layout, "delete").delete(filter);
        afterWrite(layout);
    }

    /**
     * Hands every row that satisfies {@code filter} (all when null) to {@code sink}, decoded, with
     * {@code object_id} and the given layout columns.
     */
    void scan(EntityLayout layout, String filter, List<String> columns, Consumer<Map<String, Object>> sink) {
        Dataset dataset = dataset(layout);
        if (dataset == null) {
            return;
        }
        ScanOptions.Builder options = new ScanOptions.Builder().columns(withId(columns));
        if (filter != null) {
            options.filter(filter);
        }
        read(layout, dataset, options.build(), sink);
    }

    /**
     * Lance's nearest neighbours: the {@code k} rows closest to {@code vector} by {@code metric},
     * then filtered (Lance applies the filter after the cut). The IVF index is used for cosine when
     * the field has one.
     */
    List<Map<String, Object>> nearest(EntityLayout layout, String filter, List<String> columns, String field,
            float[] vector, int k, Metric metric) {
        Dataset dataset = dataset(layout);
        if (dataset == null) {
            return List.of();
        }
        List<String> projected = withId(columns);
        projected.add(DISTANCE);
        ScanOptions.Builder options = new ScanOptions.Builder().columns(projected)
                .nearest(new Query.Builder().setColumn(field).setKey(vector).setK(k)
                        .setDistanceType(distanceType(metric)).setNprobes(settings.nprobes())
                        .setUseIndex(metric == Metric.COSINE).build());
        if (filter != null) {
            options.filter(filter);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        read(layout, dataset, options.build(), rows::add);
        return rows;
    }

    /** Rows satisfying {@code filter} (all when null). */
    long count(EntityLayout layout, String filter) {
        Dataset dataset = dataset(layout);
        if (dataset == null) {
            return 0;
        }
        return filter == null ? dataset.countRows() : dataset.countRows(filter);
    }

    /** The vector index names of the dataset. */
    List<String> indexes(EntityLayout layout) {
        Dataset dataset = dataset(layout);
        return dataset == null ? List.of() : dataset.listIndexes();
    }

    /** Removes the dataset and its directory. */
    void drop(EntityLayout layout) {
        forget(layout);
        Path location = location(layout);
        if (Files.exists(location)) {
            Dataset.drop(location.toString(), Map.of());
            removeTree(location);
        }
        writesSinceCompaction.remove(location.toString());
    }

    /** Closes every open dataset; the next access opens the latest version. */
    void forget() {
        List<Dataset> datasets = new ArrayList<>(open.values());
        open.clear();
        datasets.forEach(Dataset::close);
    }

    @Override
    public void close() {
        forget();
        allocator.close();
    }

    private void forget(EntityLayout layout) {
        Dataset dataset = open.remove(location(layout).toString());
        if (dataset != null) {
            dataset.close();
        }
    }

    private Dataset dataset(EntityLayout layout) {
        Path location = location(layout);
        if (!Files.exists(location)) {
            return null;
        }
        return open.computeIfAbsent(location.toString(), path -> Dataset.open(path, allocator));
    }

    private Dataset existing(EntityLayout layout, String operation) {
        Dataset dataset = dataset(layout);
        if (dataset == null) {
            throw new IllegalStateException("cannot " + operation + " " + layout.entityId() + ": its dataset "
                    + location(layout).getFileName() + " does not exist (was it dropped?)");
        }
        return dataset;
    }

    private void replace(EntityLayout layout, Dataset latest) {
        Dataset previous = open.put(location(layout).toString(), latest);
        if (previous != null && previous != latest) {
            previous.close();
        }
    }

    private void read(EntityLayout layout, Dataset dataset, ScanOptions options, Consumer<Map<String, Object>> sink) {
        ArrowRowDecoder decoder = new ArrowRowDecoder(layout);
        try (LanceScanner scanner = dataset.newScan(options); ArrowReader reader = scanner.scanBatches()) {
            decoder.forEach(reader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Compacts every {@code compact-every} writes; builds the vector index once the dataset is large. */
    private void afterWrite(EntityLayout layout) {
        Dataset dataset = existing(layout, "maintain");
        String key = location(layout).toString();
        int writes = writesSinceCompaction.merge(key, 1, Integer::sum);
        if (settings.compactEvery() > 0 && writes >= settings.compactEvery()) {
            dataset.compact();
            writesSinceCompaction.put(key, 0);
        }
        if (settings.indexMinRows() > 0) {
            indexVectors(layout, dataset);
        }
    }

    private void indexVectors(EntityLayout layout, Dataset dataset) {
        long rows = -1;
        for (StoredField field : layout.fields()) {
            if (field.strategy() != Strategy.VECTOR_INDEX || dataset.listIndexes().contains(indexName(field))) {
                continue;
            }
            rows = rows < 0 ? dataset.countRows() : rows;
            if (rows >= settings.indexMinRows()) {
                int partitions = (int) Math.max(1, Math.min(MAX_PARTITIONS, Math.round(Math.sqrt(rows))));
                dataset.createIndex(List.of(field.name()), IndexType.VECTOR, Optional.of(indexName(field)),
                        IndexParams.builder().setVectorIndexParams(VectorIndexParams.ivfFlat(partitions,
                                DistanceType.Cosine)).build(), true);
            }
        }
    }

    static String indexName(StoredField field) {
        return field.name() + INDEX_SUFFIX;
    }

    private static DistanceType distanceType(Metric metric) {
        switch (metric) {
            case DOT:
                return DistanceType.Dot;
            case L2:
                return DistanceType.L2;
            default:
                return DistanceType.Cosine;
        }
    }

    private static List<String> withId(List<String> columns) {
        List<String> out = new ArrayList<>();
        out.add(Names.OBJECT_ID);
        for (String column : columns) {
            if (!out.contains(column)) {
                out.add(column);
            }
        }
        return out;
    }

    private static Field findField(Schema schema, String name) {
        for (Field field : schema.getFields()) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        return null;
    }

    private static boolean sameType(Field a, Field b) {
        if (!a.getType().equals(b.getType()) || a.getChildren().size() != b.getChildren().size()) {
            return false;
        }
        for (int i = 0; i < a.getChildren().size(); i++) {
            if (!sameType(a.getChildren().get(i), b.getChildren().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Field field) {
        return field.getChildren().isEmpty() ? field.getType().toString()
                : field.getType() + "<" + describe(field.getChildren().get(0)) + ">";
    }

    private static void removeTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
