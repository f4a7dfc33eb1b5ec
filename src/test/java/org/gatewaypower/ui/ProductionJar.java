package org.gatewaypower.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar for the tests that run the application as operators do ({@code ProductionJarIT},
 * {@code ClusterIT}): built once per test JVM (failsafe runs every IT in one), from a copy of the files git
 * would commit (as a clean clone would have them, so this build's {@code target/} is untouched), with no npm:
 * the committed prod.bundle is reused, and the npm registry and Node's download site point at a dead address.
 * {@code GATEWAY_TEST_PRODUCTION_JAR} names an already built jar instead.
 */
final class ProductionJar {

    private static Path built;

    private ProductionJar() {
    }

    /** The jar: the given one, or the one this JVM built before, or a fresh build (minutes). */
    static synchronized Path get() throws Exception {
        String given = System.getenv("GATEWAY_TEST_PRODUCTION_JAR");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        if (built == null) {
            built = build(Files.createTempDirectory("gp-prod-build"));
        }
        return built;
    }

    private static Path build(Path work) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path clone = work.resolve("clone");
        Process ls = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(project.toFile()).start();
        String files = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ls.waitFor()).isZero();
        for (String f : files.split("\0")) {
            if (f.isEmpty() || !Files.exists(project.resolve(f))) {
                continue;
            }
            Path target = clone.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(project.resolve(f), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path buildLog = work.resolve("build.log");
        ProcessBuilder pb = new ProcessBuilder("./mvnw", "-B", "-ntp", "-o", "-Pproduction", "-DskipTests",
                "-Dvaadin.nodeDownloadRoot=http://127.0.0.1:9/", "package")
                .directory(clone.toFile()).redirectErrorStream(true).redirectOutput(buildLog.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("npm_config_registry", "http://127.0.0.1:9/");
        pb.environment().remove("MAVEN_ARGS");
        Process build = pb.start();
        assertThat(build.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(buildLog);
        assertThat(build.exitValue()).as("production build failed:\n%s", lastLines(output, 60)).isZero();
        assertThat(output).doesNotContain("Running `npm install`");
        try (Stream<Path> jars = Files.list(clone.resolve("target"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    /** The last {@code n} lines of a text (a log's tail for a failure message). */
    static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }
}
