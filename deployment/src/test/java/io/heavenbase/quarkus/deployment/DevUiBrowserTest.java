package io.heavenbase.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.heavenbase.quarkus.deployment.devuiapp.DevUiNote;
import io.heavenbase.quarkus.deployment.devuiapp.DevUiSeed;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The HeavenBase Dev UI in a real browser: a dev-mode application (sqlite {@code main}, inmem {@code vec}, three
 * notes, one of them missing its {@code vec} part; a third backend {@code spare} switched off, with secrets) is opened in headless Chromium driven by playwright-core
 * ({@code src/test/browser/devui-browser-test.mjs}), which clicks through every page: backends with targets, row
 * counts and capability matrix; entities; a query with its rows and {@code explain()}; a bad query's full error;
 * audit, repair, audit again.
 *
 * <p>
 * Needs Node.js, Chromium and playwright-core (see {@link DevUiBrowser}, checked before the application starts;
 * {@code bash .ci/browser.sh} installs Chromium, the test installs playwright-core itself). Without them it skips
 * with the reason, and fails under {@code CI=true} or {@code HEAVENBASE_REQUIRE_SERVICES=true}. Screenshots of every page land in {@code target/devui-browser/}.
 */
@ExtendWith(DevUiBrowser.class)
class DevUiBrowserTest {

    private static final long TIMEOUT_SECONDS = 240;

    @RegisterExtension
    static final QuarkusDevModeTest devMode = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClasses(DevUiNote.class, DevUiSeed.class)
                    .addAsResource(new StringAsset(DevUiSeed.CONFIG), "application.properties"));

    @Test
    void everyPageShowsWhatTheWorkspaceHolds() throws Exception {
        DevUiBrowser.Tools tools = DevUiBrowser.tools();
        Path target = Paths.get("target").toAbsolutePath();
        Path shots = target.resolve("devui-browser");
        Path log = target.resolve("devui-browser.log");
        Files.createDirectories(shots);
        ProcessBuilder run = new ProcessBuilder(tools.node(),
                Paths.get("src/test/browser/devui-browser-test.mjs").toAbsolutePath().toString(),
                "http://localhost:" + DevUiNote.HTTP_PORT + "/q/dev-ui", tools.chromium(), shots.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().put("NODE_PATH", tools.nodeModules().toString());
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
                "backends: spare is switched off and says why in full",
                "backends: spare's password and URL credentials are masked",
                "backends: main capability matrix runs eq on ShortText InlineColumn natively",
                "query: explain() runs the title filter natively on main",
                "query: full details hold the whole stack trace",
                "audit: n3 has no part on vec",
                "repair: 1 fixed, 0 unresolved",
                "audit after repair: consistent");
    }
}
