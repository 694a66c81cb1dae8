package io.heavenbase.quarkus.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the Dev UI browser test needs, found before its application starts: Node.js, Chromium ({@code /usr/bin/chromium}
 * or {@code HEAVENBASE_CHROMIUM}) and playwright-core in {@code .ci/browser/node_modules} (installed here with
 * {@code npm ci} when npm is there and it is missing). When something is missing the test is skipped with the reason,
 * or fails when {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}.
 */
final class DevUiBrowser implements ExecutionCondition {

    /** The programs and packages the browser script runs with. */
    record Tools(String node, String chromium, Path nodeModules) {
    }

    private static Tools found;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            found = locate();
            return ConditionEvaluationResult.enabled("node, Chromium and playwright-core are installed");
        } catch (IllegalStateException missing) {
            boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                    || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
            if (required) {
                throw new AssertionError("Dev UI browser test cannot run: " + missing.getMessage());
            }
            return ConditionEvaluationResult.disabled("Dev UI browser test skipped: " + missing.getMessage());
        }
    }

    /** The tools found by the condition (it ran before the test). */
    static Tools tools() {
        if (found == null) {
            found = locate();
        }
        return found;
    }

    private static Tools locate() {
        String node = onPath("node");
        if (node == null) {
            throw new IllegalStateException("node is not on the PATH (needs Node.js 20+)");
        }
        String chromium = System.getenv().getOrDefault("HEAVENBASE_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Paths.get(chromium))) {
            throw new IllegalStateException(chromium
                    + " is missing: install Debian's chromium (bash .ci/browser.sh) or set HEAVENBASE_CHROMIUM");
        }
        Path browserDir = repositoryRoot().resolve(".ci/browser");
        Path nodeModules = browserDir.resolve("node_modules");
        if (!Files.isDirectory(nodeModules.resolve("playwright-core")) && onPath("npm") != null) {
            npmCi(browserDir);
        }
        if (!Files.isDirectory(nodeModules.resolve("playwright-core"))) {
            throw new IllegalStateException("playwright-core is not installed in " + browserDir
                    + " (bash .ci/browser.sh, or npm ci there)");
        }
        return new Tools(node, chromium, nodeModules);
    }

    private static void npmCi(Path browserDir) {
        try {
            Path log = Files.createTempFile("heavenbase-npm-ci", ".log");
            Process install = new ProcessBuilder(onPath("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(browserDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(180, TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("npm ci in " + browserDir + " did not finish within 180 s");
            }
            if (install.exitValue() != 0) {
                throw new IllegalStateException("npm ci in " + browserDir + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("npm ci in " + browserDir + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("npm ci in " + browserDir + " was interrupted", e);
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Paths.get(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path repositoryRoot() {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".ci/browser"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no .ci/browser directory above " + start);
    }
}
