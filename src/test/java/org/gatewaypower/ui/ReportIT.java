package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workspace page's "PDF report" link downloads the report in the signed-in user's session. */
class ReportIT extends SpringTestBase {

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspaces fixtures;

    private BrowserSession browser;

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.screenshot("report-link");
            browser.close();
        }
    }

    @Test
    void the_pdf_report_link_downloads_a_pdf() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        TestWorkspaces.Fixture f = fixtures.create("Report link", 2);
        browser = new BrowserSession("http://localhost:" + port).signIn("nasa", "gateway");
        browser.open("/workspace/" + f.workspaceId());
        browser.waitFor(d -> browser.displayed("report-pdf"));
        assertThat(browser.text("report-pdf")).isEqualTo("PDF report");

        // Fetch the link's target in the page, with its session, and read the first bytes and the type.
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('report-pdf').href).then(r => r.arrayBuffer().then(b => done("
                + "r.status + ' ' + r.headers.get('content-type') + ' '"
                + " + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))"
                + ".catch(e => done('failed ' + e));");

        assertThat(String.valueOf(answer)).startsWith("200 application/pdf").endsWith("%PDF-");
    }
}
