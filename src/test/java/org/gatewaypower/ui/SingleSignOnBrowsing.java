package org.gatewaypower.ui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.security.TestIdentityProvider;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the single sign-on browser tests share: the agency's identity provider with its people, the
 * application properties that register it and map its claims, and the sign-in through its pages.
 */
final class SingleSignOnBrowsing {

    /** The registration id of the provider in the application (the provider's registered redirect URI). */
    static final String REGISTRATION = "agency";
    static final String BUTTON = "Sign in with ESA Identity";

    /** An ESA power engineer whose provider says editor. */
    static final TestIdentityProvider.Person ANA = new TestIdentityProvider.Person("ana", "ana-secret",
            Map.of("preferred_username", "ana.lima", "name", "Ana Lima", "agency", "european-space-agency",
                    "groups", List.of("staff", "gp-editors")));
    /** Someone whose provider names an agency that is no partner team. */
    static final TestIdentityProvider.Person ZED = new TestIdentityProvider.Person("zed", "zed-secret",
            Map.of("preferred_username", "zed", "name", "Zed Unknown", "agency", "unknown-agency",
                    "groups", List.of("gp-editors")));

    private SingleSignOnBrowsing() {
    }

    /** Starts the provider and registers it, with the claim mapping an operator would configure. */
    static TestIdentityProvider register(DynamicPropertyRegistry registry) {
        TestIdentityProvider idp = TestIdentityProvider.start(List.of(ANA, ZED));
        properties(idp).forEach((k, v) -> registry.add(k, () -> v));
        return idp;
    }

    /** The application properties that register {@code idp} under {@link #REGISTRATION} and map its claims. */
    static Map<String, String> properties(TestIdentityProvider idp) {
        Map<String, String> properties = new LinkedHashMap<>(idp.clientProperties(REGISTRATION, "ESA Identity"));
        properties.put("gateway.sso.team-claim", "agency");
        properties.put("gateway.sso.teams.european-space-agency", "ESA");
        properties.put("gateway.sso.role-claim", "groups");
        properties.put("gateway.sso.roles.gp-editors", "editor");
        properties.put("gateway.sso.roles.gp-admins", "admin");
        return properties;
    }

    /**
     * Clicks "Sign in with ESA Identity" on the sign-in page and signs in on the provider's own login page.
     * Waits generously: three redirects and two page loads on a slow machine.
     */
    static void signInAtProvider(BrowserSession browser, TestIdentityProvider.Person person) {
        browser.open("/login");
        browser.waitFor(d -> d.findElement(By.id("sso-" + REGISTRATION)).getText().equals(BUTTON) ? true : null);
        browser.click("sso-" + REGISTRATION);
        browser.waitFor(Duration.ofSeconds(30), d -> d.findElement(By.id("username"))).sendKeys(person.login());
        browser.driver().findElement(By.id("password")).sendKeys(person.password());
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }
}
