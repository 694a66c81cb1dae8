package io.heavenbase.bench.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the two startup apps under {@code benchmarks/startup-apps} as fast-jars: first installs
 * the extension (runtime, deployment) into a private local repository layered over the user's
 * ({@code maven.repo.local.tail}), so nothing is installed into {@code ~/.m2}, then packages
 * each app against it.
 */
final class StartupApps {

    static final String BUILD_DIRECTORY = "target-startup-bench";
    private static final long BUILD_TIMEOUT_MINUTES = 15;

    private final Path root;
    private final Path work;

    /** {@code root}: the repository root (holding mvnw); {@code work}: where the private repository and logs go. */
    StartupApps(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** Installs the extension into the private repository and packages both apps. */
    void build() throws IOException, InterruptedException {
        Files.createDirectories(work);
        maven("install-extension", "-f", root.resolve("pom.xml").toString(), "-pl", "runtime,deployment", "-am",
                "install");
        for (String app : List.of("empty", "debug")) {
            maven("build-" + app, "-f", appDirectory(app).resolve("pom.xml").toString(), "package");
        }
    }

    /** The fast-jar launcher of {@code app} ("empty" or "debug"). */
    Path launcher(String app) {
        return appDirectory(app).resolve(BUILD_DIRECTORY).resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private Path appDirectory(String app) {
        return root.resolve("benchmarks").resolve("startup-apps").resolve(app);
    }

    private void maven(String step, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + work.resolve("m2").toAbsolutePath(),
                "-Dmaven.repo.local.tail=" + userRepository(), "-Dmaven.test.skip=true",
                "-Dhb.target=" + BUILD_DIRECTORY));
        command.addAll(List.of(goals));
        Path log = work.resolve(step + ".log");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(step + " did not finish in " + BUILD_TIMEOUT_MINUTES + " min (log: " + log + ")");
        }
        if (process.exitValue() != 0) {
            throw new IOException(step + " failed with exit code " + process.exitValue() + " (log: " + log + ")");
        }
    }

    private static String userRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? configured
                : System.getProperty("user.home") + File.separator + ".m2" + File.separator + "repository";
    }
}
