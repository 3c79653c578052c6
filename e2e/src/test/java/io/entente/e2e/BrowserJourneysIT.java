package io.entente.e2e;

import io.entente.platform.embedded.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The users' three jobs in real Chromium against the running stack: a team member plans a sprint and works the
 * board, a stakeholder sees a decision's due date, governance ops generate a packet and download its PDF; and no
 * token ever reaches browser storage. The journeys live in frontend/webapp/e2e/run.mjs (playwright-core).
 */
@ExtendWith(Stack.class)
class BrowserJourneysIT {

    @Test
    void journeysPassInChromium() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        // CI installs Debian's chromium (.ci/run); a developer machine without it skips, and says so.
        assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium + " (apt-get install chromium)");
        Path webapp = RepoRoot.find().resolve("frontend/webapp");
        assumeTrue(Files.isDirectory(webapp.resolve("node_modules/playwright-core")),
                "frontend/webapp/node_modules is missing: build the frontend module first");

        ProcessBuilder builder = new ProcessBuilder("node", "e2e/run.mjs")
                .directory(webapp.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", Stack.FRONTEND);
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("SCREENSHOT_DIR", "../target/e2e-screenshots");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                output.append(line).append('\n');
            }
        }
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "journeys finished within 10 minutes");
        assertEquals(0, process.exitValue(), "browser journeys failed:\n" + output);
        assertTrue(output.toString().matches("(?s).*\\b[1-9]\\d* passed, 0 failed.*"), "journeys ran and passed");
    }
}
