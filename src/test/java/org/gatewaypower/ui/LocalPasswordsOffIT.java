package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.gatewaypower.security.ApiTokenService;
import org.gatewaypower.security.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code gateway.security.local-passwords=false}: the sign-in page offers only the provider, and the provider
 * signs in; a username and password posted to the sign-in page get 403, HTTP Basic on the API gets 401; a
 * personal API token still works. Its own application context and in-memory database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:gateway-sso-only;DB_CLOSE_DELAY=-1",
        "gateway.security.local-passwords=false"})
class LocalPasswordsOffIT {

    private static TestIdentityProvider idp;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        idp = SingleSignOnBrowsing.register(registry);
    }

    @AfterAll
    static void stopProvider() {
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void the_sign_in_page_has_no_password_form_and_the_provider_signs_in() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        try (BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port)) {
            browser.open("/login");
            assertThat(browser.text("sso-" + SingleSignOnBrowsing.REGISTRATION))
                    .isEqualTo(SingleSignOnBrowsing.BUTTON);
            assertThat(browser.driver().findElements(By.tagName("vaadin-login-form"))).isEmpty();
            browser.screenshot("local_passwords_off_sign_in_page");

            SingleSignOnBrowsing.signInAtProvider(browser, SingleSignOnBrowsing.ANA);

            browser.waitFor(Duration.ofSeconds(30), d -> d.findElement(By.id("current-user")).getText()
                    .equals("Ana Lima · ESA") ? true : null);
        }
    }

    @Test
    void a_posted_password_is_refused_and_so_is_http_basic_but_an_api_token_works() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=esa&password=gateway")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(403);
            assertThat(form.body()).contains("urn:gateway-power:problem:local-passwords-off")
                    .contains("gateway.security.local-passwords=false");
            assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

            String basic = Base64.getEncoder().encodeToString("esa:gateway".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("Passwords are turned off");

            String token = tokens.create("passwords-off test", "esa").secret();
            HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains("\"esa\"");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
