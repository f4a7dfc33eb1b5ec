package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class TeamApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Test
    void the_five_partner_teams_are_seeded_and_an_administrator_can_add_another() {
        String list = rest.withBasicAuth("esa", "gateway").getForObject("/api/v1/teams", String.class);
        assertThat(list).contains("\"NASA\"", "\"JAXA\"", "\"ESA\"", "\"CSA\"", "\"MBRSC\"");

        String code = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ResponseEntity<String> created = rest.withBasicAuth("admin", "gateway").postForEntity("/api/v1/teams",
                Map.of("code", code, "name", "Test agency"), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rest.withBasicAuth("esa", "gateway").getForObject("/api/v1/teams", String.class)).contains(code);
    }

    @Test
    void a_team_member_cannot_add_teams_and_a_duplicate_code_is_refused() {
        ResponseEntity<String> forbidden = rest.withBasicAuth("esa", "gateway").postForEntity("/api/v1/teams",
                Map.of("code", "XYZ", "name", "Nope"), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> duplicate = rest.withBasicAuth("admin", "gateway").postForEntity("/api/v1/teams",
                Map.of("code", "NASA", "name", "Again"), String.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(duplicate.getBody()).contains("\"field\":\"code\"").contains("unique");
    }
}
