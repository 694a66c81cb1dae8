package io.heavenbase.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs a pinned npm package set ({@code package.json} + {@code package-lock.json}) with {@code npm ci} into a
 * cache outside the source tree, once per lock: {@code $HEAVENBASE_NPM_CACHE}, else
 * {@code $XDG_CACHE_HOME/heavenbase/npm}, else {@code ~/.cache/heavenbase/npm}, in a directory named after the
 * package set and the hash of its two files. A file lock keeps concurrent test JVMs from installing the same set
 * twice; an install that did not finish is redone. Failures are {@link IllegalStateException}s that say why.
 */
public final class NpmPackages {

    /** Overrides the cache directory. */
    public static final String CACHE_VARIABLE = "HEAVENBASE_NPM_CACHE";

    private static final String DONE_MARKER = ".heavenbase-installed";
    private static final long INSTALL_LIMIT_SECONDS = 900;

    private NpmPackages() {
    }

    /**
     * The directory holding {@code node_modules} installed from {@code packageDir}'s lock, installing it first when
     * needed.
     */
    public static synchronized Path install(Path packageDir) {
        Path lockFile = packageDir.resolve("package-lock.json");
        Path packageFile = packageDir.resolve("package.json");
        if (!Files.isRegularFile(lockFile) || !Files.isRegularFile(packageFile)) {
            throw new IllegalStateException("no package.json and package-lock.json in " + packageDir);
        }
        Path cache = cacheRoot();
        Path target = cache.resolve(packageDir.getFileName() + "-" + hash(packageFile, lockFile));
        if (Files.isRegularFile(target.resolve(DONE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!Files.isRegularFile(target.resolve(DONE_MARKER))) {
                    npmCi(packageFile, lockFile, target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot install the npm packages of " + packageDir + " into " + target
                    + ": " + e, e);
        }
        return target;
    }

    /** The cache directory the package sets are installed into. */
    public static Path cacheRoot() {
        String configured = System.getenv(CACHE_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("heavenbase").resolve("npm");
    }

    /** The absolute path of {@code program} on the PATH, or null. */
    public static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static void npmCi(Path packageFile, Path lockFile, Path target) throws IOException {
        String npm = onPath("npm");
        if (npm == null) {
            throw new IllegalStateException("npm is not on the PATH (needs Node.js 20+ with npm)");
        }
        deleteTree(target);
        Files.createDirectories(target);
        Files.copy(packageFile, target.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lockFile, target.resolve("package-lock.json"), StandardCopyOption.REPLACE_EXISTING);
        Path log = target.resolve("npm-ci.log");
        System.err.println("[npm] npm ci for " + packageFile.getParent() + " into " + target);
        Process process = new ProcessBuilder(List.of(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"))
                .directory(target.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(INSTALL_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm ci in " + target + " did not finish within "
                        + INSTALL_LIMIT_SECONDS + " s (log: " + log + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("npm ci in " + target + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + target + " failed with exit code " + process.exitValue()
                    + ": " + tail(log));
        }
        Files.writeString(target.resolve(DONE_MARKER), lockFile.toString());
    }

    private static String hash(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash " + List.of(files) + ": " + e, e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
