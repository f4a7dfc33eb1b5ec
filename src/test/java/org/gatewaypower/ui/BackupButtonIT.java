package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administration page's backup button runs the backup and says what came of it. The tests' database is
 * in memory, so the answer is the refusal with its reason; {@code persistence.ServiceOperationsIT} takes a
 * real backup of a database file through the API that calls the same service.
 */
class BackupButtonIT extends SpringTestBase {

    @LocalServerPort
    int port;

    private BrowserSession browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_backup_button_reports_the_outcome() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        browser = new BrowserSession("http://localhost:" + port).signIn("admin", "gateway");
        browser.open("/admin");
        // The section is at the page's end, below the fold: bring it into view, as a user scrolls to it.
        browser.waitFor(d -> d.findElement(By.id("admin-backup")));
        browser.script("document.getElementById('admin-backup').scrollIntoView({block: 'center'})");
        browser.click("admin-backup");
        browser.waitFor(d -> d.findElement(By.id("admin-backup-result")).getText().startsWith("No backup:"));
        assertThat(browser.text("admin-backup-result")).contains("in memory");
    }
}
