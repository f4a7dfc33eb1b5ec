package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.security.TestIdentityProvider;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on next to local passwords, through a real OpenID Connect provider (Spring Authorization
 * Server, {@link TestIdentityProvider}) and Chromium: the sign-in page shows the password form and "Sign in
 * with ESA Identity"; an ESA engineer signs in at the provider and lands in the workspace list as a new ESA
 * account, editor of the workspaces ESA takes part in; someone whose provider names no partner team is refused
 * on the sign-in page with the reason. Its own application context and in-memory database (the provider's
 * registration is part of the configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gateway-sso;DB_CLOSE_DELAY=-1")
class SingleSignOnIT {

    private static TestIdentityProvider idp;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    MembershipService memberships;
    @Autowired
    WorkspaceService workspaces;

    private BrowserSession browser;

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

    @BeforeEach
    void browser() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        // 127.0.0.1, not localhost: the provider accepts redirects to loopback addresses only by IP.
        browser = new BrowserSession("http://127.0.0.1:" + port);
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("sso"));
            browser.close();
        }
    }

    @Test
    void an_agency_user_signs_in_with_the_provider_and_lands_as_a_new_member_of_her_team() {
        assertThat(accounts.exists("ana.lima")).isFalse();

        SingleSignOnBrowsing.signInAtProvider(browser, SingleSignOnBrowsing.ANA);

        browser.waitFor(Duration.ofSeconds(30), d -> d.findElement(By.id("current-user")).getText()
                .equals("Ana Lima · ESA") ? true : null);
        browser.waitFor(d -> browser.gridShows("workspaces", "Gateway demo") ? true : null);
        assertThat(accounts.find("ana.lima")).contains(new Account("ana.lima", "Ana Lima", "ESA", false, true));
        long demo = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        assertThat(memberships.members(demo)).filteredOn(m -> m.username().equals("ana.lima"))
                .extracting(ReadModels.Member::role).containsExactly(WorkspaceRole.EDITOR);
    }

    @Test
    void the_sign_in_page_offers_the_password_form_beside_the_provider() {
        browser.open("/login");

        browser.waitFor(d -> d.findElement(By.cssSelector("#vaadinLoginUsername input")));
        assertThat(browser.text("sso-" + SingleSignOnBrowsing.REGISTRATION)).isEqualTo(SingleSignOnBrowsing.BUTTON);
        browser.signIn("esa", "gateway");
        assertThat(browser.text("current-user")).isEqualTo("ESA power team · ESA");
    }

    @Test
    void a_user_whose_provider_names_no_partner_team_is_refused_with_the_reason() {
        SingleSignOnBrowsing.signInAtProvider(browser, SingleSignOnBrowsing.ZED);

        String message = browser.waitFor(Duration.ofSeconds(30), d -> {
            String text = d.findElement(By.id("sign-in-refused")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(message).contains("unknown-agency").contains("not a Gateway Power partner team");
        assertThat(browser.driver().findElements(By.id("current-user"))).isEmpty();
        assertThat(accounts.exists("zed")).isFalse();
    }
}
