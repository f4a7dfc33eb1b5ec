package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations features a browser sees or causes: the administration page's backup button runs the backup and
 * says what came of it (the tests' database is in memory, so the answer is the refusal with its reason;
 * {@code persistence.ServiceOperationsIT} takes a real backup through the API that calls the same service), and
 * the Vaadin requests of an open workspace page log their user and workspace.
 */
class OperationsUiIT extends SpringTestBase {

    private static final String REQUEST_LOG = "org.gatewaypower.operations.RequestLogContext";

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces fixtures;
    @Autowired
    LoggingSystem logging;

    private BrowserSession browser;

    @BeforeEach
    void needsBrowser() {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
    }

    @AfterEach
    void close() {
        logging.setLogLevel(REQUEST_LOG, null);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_backup_button_reports_the_outcome() throws Exception {
        browser = new BrowserSession("http://localhost:" + port).signIn("admin", "gateway");
        browser.open("/admin");
        // The section is at the page's end, below the fold: bring it into view, as a user scrolls to it.
        browser.waitFor(d -> d.findElement(By.id("admin-backup")));
        browser.script("document.getElementById('admin-backup').scrollIntoView({block: 'center'})");
        browser.click("admin-backup");
        browser.waitFor(d -> d.findElement(By.id("admin-backup-result")).getText().startsWith("No backup:"));
        assertThat(browser.text("admin-backup-result")).contains("in memory");
    }

    @Test
    void a_workspace_pages_requests_log_the_user_and_the_workspace() throws Exception {
        long ws = fixtures.create("Logged page", 2).workspaceId();
        // The log events themselves, with their context: captured console output misses lines when the shared
        // application context started (and its console appender took System.out) before this class ran.
        ch.qos.logback.classic.Logger requests =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(REQUEST_LOG);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        requests.addAppender(events);
        try {
            browser = new BrowserSession("http://localhost:" + port).signIn("esa", "gateway");
            logging.setLogLevel(REQUEST_LOG, LogLevel.DEBUG);
            browser.open("/workspace/" + ws);
            browser.waitForServer();
            // The page's own round trips (grids fetching rows, presence) are Vaadin UI requests to the servlet.
            browser.waitFor(d -> List.copyOf(events.list).stream().anyMatch(e -> "esa".equals(
                    e.getMDCPropertyMap().get("user")) && String.valueOf(ws).equals(e.getMDCPropertyMap()
                    .get("workspace")) && e.getFormattedMessage().contains("POST /")));
        } finally {
            requests.detachAppender(events);
        }
    }
}
