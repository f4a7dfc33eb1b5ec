package org.gatewaypower.api;

import java.util.UUID;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Test
    void the_sixth_wrong_password_for_an_account_is_answered_429_with_retry_after_and_a_problem() {
        String user = "intruder-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            ResponseEntity<String> r = rest.withBasicAuth(user, "guess-" + i).getForEntity("/api/v1/me", String.class);
            assertThat(r.getStatusCode()).as("attempt %d", i).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> throttled = rest.withBasicAuth(user, "guess-6").getForEntity("/api/v1/me", String.class);
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(throttled.getHeaders().getFirst("Retry-After"))).isBetween(1L, 61L);
        assertThat(throttled.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(throttled.getBody()).contains("\"status\":429").contains("try again in");
    }

    @Test
    void a_user_signing_in_repeatedly_with_the_right_password_is_never_throttled() {
        for (int i = 0; i < 30; i++) {
            assertThat(rest.withBasicAuth("jaxa", "gateway").getForEntity("/api/v1/me", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }
}
