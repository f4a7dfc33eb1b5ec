package org.gatewaypower.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test identity provider answers as an OpenID Connect provider: discovery names its issuer and endpoints. */
class TestIdentityProviderTest {

    @Test
    void it_publishes_its_openid_configuration_at_the_issuer() throws Exception {
        try (TestIdentityProvider idp = TestIdentityProvider.start(List.of(new TestIdentityProvider.Person("ana",
                "secret", Map.of("agency", "ESA"))));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(
                    URI.create(idp.issuer() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + idp.issuer() + "\"")
                    .contains(idp.issuer() + "/oauth2/authorize").contains("userinfo_endpoint");
            assertThat(idp.clientProperties("agency", "ESA Identity"))
                    .containsEntry("spring.security.oauth2.client.provider.agency.issuer-uri", idp.issuer())
                    .containsEntry("spring.security.oauth2.client.registration.agency.client-name", "ESA Identity");
        }
    }
}
