package org.gatewaypower.ui;

import java.time.Duration;

import org.openqa.selenium.By;

/**
 * Takes the README screenshot of a running app, as a user sees it: signs in, opens the first
 * workspace and waits for the chart. Usage (app started with the README command):
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.gatewaypower.ui.Screenshots
 * http://localhost:8080 target/screenshot.png [element id to scroll to]}
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String target = args.length > 1 ? args[1] : "target/screenshot.png";
        String scrollTo = args.length > 2 ? args[2] : null;
        try (BrowserSession browser = new BrowserSession(base)) {
            browser.signIn("esa", "gateway");
            browser.cell("workspaces", "Gateway demo").click();
            browser.waitFor(Duration.ofSeconds(30), d -> d.findElement(By.cssSelector("#balance-chart[data-rendered]")));
            if (scrollTo != null) {
                browser.script("document.getElementById(arguments[0]).scrollIntoView();", scrollTo);
            }
            Thread.sleep(1500);
            browser.screenshot("readme");
            java.nio.file.Files.copy(java.nio.file.Path.of("target", "screenshots", "readme.png"),
                    java.nio.file.Path.of(target), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
