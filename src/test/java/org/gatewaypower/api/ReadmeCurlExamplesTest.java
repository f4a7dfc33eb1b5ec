package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's API session, run as written (bash, curl, jq) against the started application: the
 * examples new users copy must work. Every curl call uses {@code -f}, so any HTTP error fails the run.
 */
class ReadmeCurlExamplesTest extends SpringTestBase {

    @LocalServerPort
    int port;

    @Test
    void the_readme_api_session_runs_against_the_app() throws Exception {
        assumeTrue(new File("/usr/bin/curl").canExecute() && new File("/usr/bin/jq").canExecute(),
                "curl and jq are needed (see .ci/run)");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String api = readme.substring(readme.indexOf("## REST API"));
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(api);
        assertThat(block.find()).as("a bash block in the REST API section").isTrue();
        String script = block.group(1);
        assertThat(script).contains("curl -fsS");

        Path dir = Files.createTempDirectory("readme-curl");
        ProcessBuilder pb = new ProcessBuilder("bash", "-xeuo", "pipefail", "-c", script).directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("GP", "http://localhost:" + port);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        assertThat(p.exitValue()).as("exit status; output:%n%s", output).isZero();

        assertThat(output).as("the demo's elements with their owners").contains("PPE (NASA)");
        assertThat(output).as("the load change").contains("\"operatingPowerW\": 140");
        assertThat(output).as("re-importing the export changes nothing").contains("\"UNCHANGED\"");
        assertThat(output).as("the comparison lists the changed load").contains("Cabin fan");
        assertThat(Files.exists(dir.resolve("budget.xlsx"))).isTrue();
    }
}
