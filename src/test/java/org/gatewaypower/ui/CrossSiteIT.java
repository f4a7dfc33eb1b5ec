package org.gatewaypower.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.CrossSiteRequestGuard;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real page on another origin (served by this test on its own port) makes Chromium send requests to the
 * app with the credentials the browser holds for it: the cached HTTP Basic credentials of a user who opened
 * the API, or a login form. The app must refuse both, and nothing may change.
 */
class CrossSiteIT extends SpringTestBase {

    @LocalServerPort
    int port;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    CrossSiteRequestGuard guard;

    private HttpServer attacker;
    private String attackerPage;
    private BrowserSession browser;

    @BeforeEach
    void startTheOtherSite() throws IOException {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = attackerPage.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    @Test
    void a_page_on_another_site_cannot_import_loads_with_the_browsers_cached_basic_credentials() throws Exception {
        long ws = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        ReadModels.WorkspaceSnapshot demo = workspaces.snapshot(ws);
        ReadModels.Element element = demo.elements().stream().filter(e -> e.ownerTeamCode().equals("NASA")).findFirst()
                .orElseThrow();
        String app = "http://localhost:" + port;
        attackerPage = "<!doctype html><title>loading</title><script>"
                + "const fd = new FormData();"
                + "fd.append('file', new Blob(['Name,Operating power (W)\\nPlanted by another site,999\\n'],"
                + " {type: 'text/csv'}), 'planted.csv');"
                + "fetch('" + app + "/api/v1/workspaces/" + ws + "/elements/" + element.id() + "/import',"
                + " {method: 'POST', body: fd, credentials: 'include', mode: 'no-cors'})"
                + ".finally(() => { document.title = 'sent'; });"
                + "</script>";
        long refusedBefore = guard.refusedCount();

        browser = new BrowserSession(app);
        // The victim opened the API in this browser, which now holds nasa's Basic credentials for the app.
        browser.driver().get("http://nasa:gateway@localhost:" + port + "/api/v1/me");
        assertThat(browser.driver().getPageSource()).contains("nasa");
        browser.driver().get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
        browser.waitFor(Duration.ofSeconds(20), d -> "sent".equals(d.getTitle()));

        assertThat(guard.refusedCount()).as("the app saw the cross-site request and refused it")
                .isGreaterThan(refusedBefore);
        assertThat(workspaces.snapshot(ws).loads()).noneMatch(l -> l.name().equals("Planted by another site"));
        assertThat(workspaces.snapshot(ws).loads()).hasSameSizeAs(demo.loads());
    }

    @Test
    void a_page_on_another_site_cannot_sign_the_browser_in_as_someone_else() throws Exception {
        String app = "http://localhost:" + port;
        attackerPage = "<!doctype html><title>loading</title>"
                + "<form id=f method=post action='" + app + "/login'>"
                + "<input name=username value=esa><input name=password value=gateway></form>"
                + "<script>document.getElementById('f').submit();</script>";
        long refusedBefore = guard.refusedCount();

        browser = new BrowserSession(app);
        browser.driver().get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
        browser.waitFor(d -> guard.refusedCount() > refusedBefore ? Boolean.TRUE : null);

        browser.open("/");
        browser.waitFor(d -> d.findElement(By.cssSelector("#vaadinLoginUsername input")));
        assertThat(browser.driver().findElements(By.id("current-user"))).as("signed in by another site").isEmpty();
    }
}
