package io.heavenbase.backend.lance;

import io.heavenbase.ConfigurationException;
import io.heavenbase.spi.BackendConfig;
import io.heavenbase.spi.support.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The validated configuration of one lance backend.
 *
 * @param backendName the workspace-local backend name, for messages
 * @param directory {@code path}: the directory holding one {@code <prefix><entity>.lance} dataset
 *        per entity part (created when missing)
 * @param prefix {@code prefix}: physical-name prefix (default empty)
 * @param exactNearLimit {@code exact-near-limit} (default {@value #DEFAULT_EXACT_NEAR_LIMIT}): up to
 *        this many eligible rows, {@code near} scores every one of them exactly; above it Lance's
 *        nearest-neighbour search finds the candidates, which are then re-scored
 * @param indexMinRows {@code index-min-rows} (default {@value #DEFAULT_INDEX_MIN_ROWS}; 0 never):
 *        a {@code VectorIndex} field gets an IVF index once its dataset holds this many rows
 * @param nprobes {@code nprobes} (default {@value #DEFAULT_NPROBES}): IVF partitions searched per
 *        query when the index is used
 * @param compactEvery {@code compact-every} (default {@value #DEFAULT_COMPACT_EVERY}; 0 never): a
 *        dataset is compacted after this many writes through this backend
 */
record LanceSettings(String backendName, Path directory, String prefix, int exactNearLimit, int indexMinRows,
        int nprobes, int compactEvery) {

    static final String PATH = "path";
    static final String EXACT_NEAR_LIMIT = "exact-near-limit";
    static final String INDEX_MIN_ROWS = "index-min-rows";
    static final String NPROBES = "nprobes";
    static final String COMPACT_EVERY = "compact-every";
    static final Set<String> KEYS = Set.of(PATH, EXACT_NEAR_LIMIT, INDEX_MIN_ROWS, NPROBES, COMPACT_EVERY);

    static final int DEFAULT_EXACT_NEAR_LIMIT = 10_000;
    static final int DEFAULT_INDEX_MIN_ROWS = 100_000;
    static final int DEFAULT_NPROBES = 20;
    static final int DEFAULT_COMPACT_EVERY = 100;

    static LanceSettings of(BackendConfig config) {
        String prefix = config.prefix();
        return new LanceSettings(config.backendName(), directory(config), prefix,
                Options.atLeast(config, EXACT_NEAR_LIMIT, DEFAULT_EXACT_NEAR_LIMIT, 0),
                Options.atLeast(config, INDEX_MIN_ROWS, DEFAULT_INDEX_MIN_ROWS, 0),
                Options.atLeast(config, NPROBES, DEFAULT_NPROBES, 1),
                Options.atLeast(config, COMPACT_EVERY, DEFAULT_COMPACT_EVERY, 0));
    }

    private static Path directory(BackendConfig config) {
        String text = config.require(PATH);
        try {
            Path directory = Path.of(text).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            return directory;
        } catch (InvalidPathException | IOException e) {
            throw new ConfigurationException(config.property(PATH), "cannot use " + config.property(PATH) + " '" + text
                    + "' as a directory: " + e.getMessage(), e);
        }
    }
}
