package org.gatewaypower.api;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over the API: the password policy, disabling (password and tokens stop at once), resets, a user's
 * own password change, revoking someone's tokens, and every step in the account history.
 */
class AccountAdministrationApiTest extends SpringTestBase {

    private static final String STRONG = "lunar gateway power budget";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    ApiTokenService tokens;

    @Test
    void new_passwords_follow_the_policy_and_the_request_names_the_field() throws Exception {
        String user = "pw-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode shortOne = ProblemAssertions.problem(mapper, createUser(user, "gateway", null), HttpStatus.BAD_REQUEST);
        assertThat(shortOne.toString()).contains("password").contains("at least 12");
        JsonNode common = ProblemAssertions.problem(mapper, createUser(user, "1qaz2wsx3edc", null),
                HttpStatus.BAD_REQUEST);
        assertThat(common.toString()).contains("most commonly used");
        JsonNode name = ProblemAssertions.problem(mapper, createUser(user, STRONG, "x".repeat(121)),
                HttpStatus.BAD_REQUEST);
        assertThat(name.toString()).contains("displayName").contains("120");
        assertThat(createUser(user, STRONG, "Reviewer").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void a_disabled_account_stops_at_once_with_its_password_and_its_tokens_and_comes_back_when_enabled()
            throws Exception {
        String user = newUser();
        String token = tokens.create("script", user).secret();
        assertThat(me(user, STRONG).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(meWithToken(token).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(admin(HttpMethod.PUT, "/api/v1/users/" + user + "/enabled", Map.of("enabled", false))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me(user, STRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(meWithToken(token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        admin(HttpMethod.PUT, "/api/v1/users/" + user + "/enabled", Map.of("enabled", true));
        assertThat(me(user, STRONG).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(meWithToken(token).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode history = mapper.readTree(admin(HttpMethod.GET, "/api/v1/users/history", null).getBody());
        assertThat(history.toString()).contains("disabled the account " + user)
                .contains("enabled the account " + user).contains("created API token");
    }

    @Test
    void an_administrator_resets_a_password_and_revokes_all_tokens_of_a_user() throws Exception {
        String user = newUser();
        String token = tokens.create("script", user).secret();
        assertThat(me(user, STRONG).getStatusCode()).isEqualTo(HttpStatus.OK);

        String fresh = "a completely new passphrase";
        assertThat(admin(HttpMethod.PUT, "/api/v1/users/" + user + "/password", Map.of("password", fresh))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(user, STRONG).getStatusCode()).as("the old password, verified moments ago")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(user, fresh).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode revoked = mapper.readTree(admin(HttpMethod.DELETE, "/api/v1/users/" + user + "/tokens", null)
                .getBody());
        assertThat(revoked.get("revoked").asInt()).isEqualTo(1);
        assertThat(meWithToken(token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_user_changes_their_own_password_proving_the_current_one() throws Exception {
        String user = newUser();
        String next = "another long passphrase here";
        JsonNode wrong = ProblemAssertions.problem(mapper, rest.withBasicAuth(user, STRONG).exchange(
                "/api/v1/me/password", HttpMethod.PUT, json(Map.of("currentPassword", "not it at all",
                        "newPassword", next)), String.class), HttpStatus.BAD_REQUEST);
        assertThat(wrong.toString()).contains("currentPassword");
        assertThat(rest.withBasicAuth(user, STRONG).exchange("/api/v1/me/password", HttpMethod.PUT,
                json(Map.of("currentPassword", STRONG, "newPassword", next)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(me(user, STRONG).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(user, next).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void only_administrators_manage_accounts() throws Exception {
        ProblemAssertions.problem(mapper, rest.withBasicAuth("nasa", "gateway").exchange(
                "/api/v1/users/esa/enabled", HttpMethod.PUT, json(Map.of("enabled", false)), String.class),
                HttpStatus.FORBIDDEN);
        ProblemAssertions.problem(mapper, rest.withBasicAuth("nasa", "gateway").exchange(
                "/api/v1/users/esa/tokens", HttpMethod.DELETE, null, String.class), HttpStatus.FORBIDDEN);
        ProblemAssertions.problem(mapper, admin(HttpMethod.PUT, "/api/v1/users/admin/enabled",
                Map.of("enabled", false)), HttpStatus.BAD_REQUEST);
    }

    private String newUser() {
        String user = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(createUser(user, STRONG, "Test account").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return user;
    }

    private ResponseEntity<String> createUser(String user, String password, String displayName) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", user, "password", password,
                "teamCode", "ESA", "admin", false));
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return admin(HttpMethod.POST, "/api/v1/users", body);
    }

    private ResponseEntity<String> admin(HttpMethod method, String path, Object body) {
        return rest.withBasicAuth("admin", "gateway").exchange(path, method, body == null ? null : json(body),
                String.class);
    }

    private ResponseEntity<String> me(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity("/api/v1/me", String.class);
    }

    private ResponseEntity<String> meWithToken(String token) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(token);
        return rest.exchange("/api/v1/me", HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }
}
