package io.heavenbase.quarkus.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.heavenbase.testsupport.NpmPackages;

/**
 * What the Dev UI browser test needs, found before its application starts: Node.js, Chromium ({@code /usr/bin/chromium}
 * or {@code HEAVENBASE_CHROMIUM}, installed by {@code .ci/browser.sh} since it needs root) and playwright-core, pinned in
 * {@code src/test/browser/package-lock.json} and installed here by {@link NpmPackages} into the npm cache outside the
 * source tree. When something is missing the test is skipped with the reason, or fails when {@code CI=true} or
 * {@code HEAVENBASE_REQUIRE_SERVICES=true}.
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
        String node = NpmPackages.onPath("node");
        if (node == null) {
            throw new IllegalStateException("node is not on the PATH (needs Node.js 20+)");
        }
        String chromium = System.getenv().getOrDefault("HEAVENBASE_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Paths.get(chromium))) {
            throw new IllegalStateException(chromium
                    + " is missing: install Debian's chromium (bash .ci/browser.sh) or set HEAVENBASE_CHROMIUM");
        }
        Path nodeModules = NpmPackages.install(Paths.get("src/test/browser").toAbsolutePath()).resolve("node_modules");
        if (!Files.isDirectory(nodeModules.resolve("playwright-core"))) {
            throw new IllegalStateException("npm ci did not install playwright-core into " + nodeModules);
        }
        return new Tools(node, chromium, nodeModules);
    }
}
