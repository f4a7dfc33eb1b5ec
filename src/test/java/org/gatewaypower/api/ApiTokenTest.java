package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.ApiTokenService;
import org.gatewaypower.workspace.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal API tokens: a script authenticates without a password, as its user, until revoked. */
class ApiTokenTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper mapper;

    @Test
    void a_token_authenticates_as_its_user_until_it_is_revoked() throws Exception {
        ApiTokenService.NewToken made = tokens.create("nightly export", "esa");
        assertThat(made.secret()).startsWith("gp_").hasSize(43);

        ResponseEntity<String> me = get("/api/v1/me", made.secret());
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mapper.readTree(me.getBody()).get("username").asString()).isEqualTo("esa");
        assertThat(tokens.tokens("esa")).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("nightly export");
            assertThat(t.lastUsedAt()).isNotNull();
        });

        tokens.revoke(made.info().id(), "esa");
        ProblemAssertions.problem(mapper, get("/api/v1/me", made.secret()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void only_a_hash_of_the_token_is_stored() {
        ApiTokenService.NewToken made = tokens.create("hash check", "nasa");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_token where id = ?", made.info().id());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).noneMatch(v -> v != null && v.toString().contains(made.secret()));
    }

    @Test
    void an_unknown_token_is_refused_with_401_and_a_problem_body() throws Exception {
        ProblemAssertions.problem(mapper, get("/api/v1/workspaces", "gp_0000000000000000000000000000000000000000"),
                HttpStatus.UNAUTHORIZED);
        ProblemAssertions.problem(mapper, get("/api/v1/workspaces", "not-a-token"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_token_carries_its_users_roles() throws Exception {
        ApiTokenService.NewToken viewer = tokens.create("reader", "observer");
        ResponseEntity<String> refused = rest.exchange("/api/v1/teams", HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "XTKN", "name", "Token team"), bearer(viewer.secret())), String.class);
        ProblemAssertions.problem(mapper, refused, HttpStatus.FORBIDDEN);
    }

    @Test
    void a_token_needs_a_name_and_only_its_owner_revokes_it() {
        assertThatThrownBy(() -> tokens.create("  ", "nasa")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
        ApiTokenService.NewToken made = tokens.create("mine", "nasa");
        assertThatThrownBy(() -> tokens.revoke(made.info().id(), "esa"))
                .isInstanceOf(org.gatewaypower.workspace.NotFoundException.class);
        assertThat(tokens.tokens("nasa")).extracting(ApiTokenService.TokenInfo::id).contains(made.info().id());
    }

    private ResponseEntity<String> get(String path, String token) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return h;
    }
}
