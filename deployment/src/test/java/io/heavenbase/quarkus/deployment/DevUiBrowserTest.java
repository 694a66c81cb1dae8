package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.devuiapp.DevUiNote;
import io.heavenbase.quarkus.deployment.devuiapp.DevUiSeed;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The HeavenBase Dev UI in a real browser: a dev-mode application (sqlite {@code main}, inmem {@code vec}, three
 * notes, one of them missing its {@code vec} part) is opened in headless Chromium driven by playwright-core
 * ({@code src/test/browser/devui-browser-test.mjs}), which clicks through every page: backends with targets, row
 * counts and capability matrix; entities; a query with its rows and {@code explain()}; a bad query's full error;
 * audit, repair, audit again.
 *
 * <p>
 * Needs Node.js, Chromium ({@code /usr/bin/chromium} or {@code HEAVENBASE_CHROMIUM}) and playwright-core in
 * {@code .ci/browser/node_modules} ({@code bash .ci/browser.sh} installs both; this test runs {@code npm ci} there
 * itself when only playwright-core is missing). Without them it skips with the reason, and fails under
 * {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}.
 */
class DevUiBrowserTest {

    private static final long TIMEOUT_SECONDS = 240;

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevUiNote.class, DevUiSeed.class)
                    .addAsResource(new StringAsset(DevUiNote.CONFIG), "application.properties"));

    @Test
    void everyPageShowsWhatTheWorkspaceHolds() throws Exception {
        Path repo = repositoryRoot();
        Path browserDir = repo.resolve(".ci/browser");
        String chromium = System.getenv().getOrDefault("HEAVENBASE_CHROMIUM", "/usr/bin/chromium");
        String node = onPath("node");
        requireThat(node != null, "node is not on the PATH (needs Node.js 20+)");
        requireThat(Files.isExecutable(Paths.get(chromium)),
                chromium + " is missing: install Debian's chromium (bash .ci/browser.sh) or set HEAVENBASE_CHROMIUM");
        Path playwright = browserDir.resolve("node_modules/playwright-core");
        if (!Files.isDirectory(playwright) && onPath("npm") != null) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(browserDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("heavenbase-npm-ci", ".log").toFile()).start();
            install.waitFor(180, TimeUnit.SECONDS);
        }
        requireThat(Files.isDirectory(playwright),
                "playwright-core is not installed in " + browserDir + " (bash .ci/browser.sh, or npm ci there)");

        Path target = Paths.get("target").toAbsolutePath();
        Path shots = target.resolve("devui-browser");
        Path log = target.resolve("devui-browser.log");
        Files.createDirectories(shots);
        ProcessBuilder run = new ProcessBuilder(node,
                Paths.get("src/test/browser/devui-browser-test.mjs").toAbsolutePath().toString(),
                "http://localhost:" + DevUiNote.HTTP_PORT + "/q/dev-ui", chromium, shots.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().put("NODE_PATH", browserDir.resolve("node_modules").toString());
        Process process = run.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("browser test finished within %d s; output so far:%n%s", TIMEOUT_SECONDS, output)
                .isTrue();
        assertThat(process.exitValue()).as("browser test exit code; output:%n%s", output).isZero();
        List<String> passed = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("ok ")) {
                passed.add(line.substring(3));
            }
        }
        assertThat(passed).as("checks the browser test passed; output:%n%s", output).contains(
                "backends: main holds 3 note rows",
                "query: explain() runs the title filter natively on main",
                "query: full details hold the whole stack trace",
                "repair: 1 fixed, 0 unresolved",
                "audit after repair: consistent");
    }

    /** Skips with the reason, or fails when the environment says the browser must be there. */
    private static void requireThat(boolean available, String reason) {
        if (available) {
            return;
        }
        boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("HEAVENBASE_REQUIRE_SERVICES"));
        if (required) {
            throw new AssertionError("Dev UI browser test cannot run: " + reason);
        }
        Assumptions.abort("Dev UI browser test skipped: " + reason);
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path repositoryRoot() throws IOException {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("no .ci directory above " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }
}
