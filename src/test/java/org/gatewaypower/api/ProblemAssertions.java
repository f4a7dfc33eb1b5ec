package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Checks shared by the API tests: an RFC 7807 problem answer and the fields it names. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts the status and an {@code application/problem+json} body with status and title; returns it. */
    static JsonNode problem(ObjectMapper mapper, ResponseEntity<String> response, HttpStatus status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        MediaType type = response.getHeaders().getContentType();
        assertThat(type).as("Content-Type").isNotNull();
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("Content-Type %s", type).isTrue();
        JsonNode problem = mapper.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }

    /** The fields a problem's {@code errors} name, in order. */
    static List<String> fields(JsonNode problem) {
        assertThat(problem.get("errors")).as("errors of %s", problem).isNotNull();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
