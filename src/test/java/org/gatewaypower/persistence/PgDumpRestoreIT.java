package org.gatewaypower.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's PostgreSQL backup recipe, command for command: {@code pg_dump -Fc} of the application's database
 * holding data (the migrated schema, the demo seed and a workspace made here), {@code createdb} of a new
 * database, {@code pg_restore --no-owner --exit-on-error} into it; the copy must hold the same workspaces, loads
 * and migration history. Runs when GATEWAY_TEST_POSTGRES_URL names the test database and pg_dump is on the
 * PATH; the role needs CREATEDB for its restore database, which the test drops again.
 */
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_POSTGRES_URL", matches = ".+")
@EnabledIf("pgToolsInstalled")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestWorkspaces.class)
@TestPropertySource(properties = {
        "spring.datasource.url=${GATEWAY_TEST_POSTGRES_URL}",
        "spring.datasource.username=${GATEWAY_TEST_POSTGRES_USER:gatewaypower}",
        "spring.datasource.password=${GATEWAY_TEST_POSTGRES_PASS:gatewaypower}"})
class PgDumpRestoreIT {

    private static final String USER = env("GATEWAY_TEST_POSTGRES_USER", "gatewaypower");
    private static final String PASSWORD = env("GATEWAY_TEST_POSTGRES_PASS", "gatewaypower");

    @Autowired
    TestWorkspaces fixtures;
    @Autowired
    JdbcTemplate jdbc;

    static boolean pgToolsInstalled() {
        return List.of("pg_dump", "pg_restore", "createdb", "dropdb").stream().allMatch(tool ->
                List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool))));
    }

    @Test
    void a_pg_dump_restores_into_a_new_database_with_the_same_data() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("pg_dump", 3);
        URI server = URI.create(System.getenv("GATEWAY_TEST_POSTGRES_URL").substring("jdbc:".length()));
        String host = server.getHost();
        String port = Integer.toString(server.getPort() < 0 ? 5432 : server.getPort());
        String database = server.getPath().substring(1);
        String copy = database + "_restored_" + UUID.randomUUID().toString().substring(0, 8);
        Path dump = Files.createTempDirectory("gp-pgdump").resolve("gateway-power.dump");

        run("pg_dump", "-Fc", "-h", host, "-p", port, "-U", USER, "-f", dump.toString(), database);
        run("createdb", "-h", host, "-p", port, "-U", USER, copy);
        try {
            run("pg_restore", "-h", host, "-p", port, "-U", USER, "-d", copy, "--no-owner", "--exit-on-error",
                    dump.toString());

            JdbcTemplate restored = new JdbcTemplate(new DriverManagerDataSource(
                    "jdbc:postgresql://" + host + ":" + port + "/" + copy, USER, PASSWORD));
            for (String query : List.of("select name from workspace order by id",
                    "select concat_ws(':', name, operating_power_w) from load_item order by id",
                    "select concat_ws(':', version, checksum) from flyway_schema_history order by installed_rank")) {
                assertThat(restored.queryForList(query, String.class)).as(query)
                        .isEqualTo(jdbc.queryForList(query, String.class)).isNotEmpty();
            }
            assertThat(restored.queryForObject("select count(*) from load_item l join element e "
                    + "on e.id = l.element_id where e.workspace_id = ?", Integer.class, f.workspaceId())).isEqualTo(3);
        } finally {
            run("dropdb", "-h", host, "-p", port, "-U", USER, copy);
        }
    }

    /** Runs a PostgreSQL client tool with the test role's password; fails with its output when it fails. */
    private static void run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", PASSWORD);
        Process p = pb.start();
        List<String> output = new ArrayList<>();
        try (var lines = p.inputReader().lines()) {
            lines.forEach(output::add);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), String.join("\n", output)).isZero();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
