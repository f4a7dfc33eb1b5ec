package org.gatewaypower.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.gatewaypower.workspace.ReadModels;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One signed-in browser (Debian's Chromium, driven by its own chromedriver: nothing is downloaded).
 */
final class BrowserSession implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String baseUrl;

    BrowserSession(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        Path profile = Files.createTempDirectory("gp-chrome");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    BrowserSession signIn(String username, String password) {
        return signIn(username, password, Duration.ofSeconds(20));
    }

    /** Signs in, waiting up to {@code patience} for each page (several JVMs and browsers on 2 cores need more). */
    BrowserSession signIn(String username, String password, Duration patience) {
        driver.get(baseUrl + "/login");
        WebElement user = waitFor(patience, d -> d.findElement(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        waitFor(patience, d -> d.findElement(By.id("current-user")));
        return this;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String text(String id) {
        return waitFor(d -> d.findElement(By.id(id))).getText();
    }

    /**
     * Waits up to 40 s: what a user sees within a second on an idle machine can take many seconds on a loaded 2-core
     * CI machine running the server, two browsers and the build at once; a wait only costs time when it fails.
     */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(40), condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Scrolls the grid so that row {@code index} is rendered and visible. */
    void scrollToRow(String gridId, int index) {
        script("document.getElementById(arguments[0]).scrollToIndex(arguments[1]);", gridId, index);
    }

    /**
     * Scrolls the power equipment list so that load {@code loadId} of {@code ws} is rendered and visible. The list
     * groups the loads under one heading per element (by element id, only elements with loads; all open at first),
     * each group's loads in the snapshot's order, so the load's place is a path: its heading's index, then its
     * index under it.
     */
    void scrollToLoad(ReadModels.WorkspaceSnapshot ws, long loadId) {
        ReadModels.LoadItem load = ws.loads().stream().filter(l -> l.id() == loadId).findFirst().orElseThrow();
        List<Long> elements = ws.loads().stream().map(ReadModels.LoadItem::elementId).distinct().sorted().toList();
        List<ReadModels.LoadItem> siblings = ws.loads().stream()
                .filter(l -> l.elementId() == load.elementId()).toList();
        script("document.getElementById('load-grid').scrollToIndex(arguments[0], arguments[1]);",
                elements.indexOf(load.elementId()), siblings.indexOf(load));
    }

    /** The grid cell of {@code gridId} whose text is exactly {@code text}. */
    WebElement cell(String gridId, String text) {
        return waitFor(d -> {
            List<WebElement> cells = d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content"));
            return cells.stream().filter(c -> c.isDisplayed() && c.getText().trim().equals(text)).findFirst()
                    .orElse(null);
        });
    }

    /** Waits until the browser has no request to the server in flight (what was typed has arrived there). */
    void waitForServer() {
        waitFor(d -> Boolean.TRUE.equals(script("const c = window.Vaadin && window.Vaadin.Flow"
                + " && window.Vaadin.Flow.clients; if (!c) return false;"
                + " return Object.values(c).every(x => !x.isActive || !x.isActive());")));
    }

    /** The names (tooltips) of the avatars in the avatar group with the given id. */
    @SuppressWarnings("unchecked")
    List<String> avatarNames(String groupId) {
        Object names = script("const g = document.getElementById(arguments[0]);"
                + " return g && g.items ? g.items.map(i => i.name) : [];", groupId);
        return (List<String>) names;
    }

    /** Clicks the tab of a tab sheet by its label. */
    /**
     * Selects the tab with this label. Clicked by script: with many tabs the bar scrolls, and a tab
     * beyond its edge is not clickable by pointer until scrolled to.
     */
    void tab(String label) {
        WebElement tab = waitFor(d -> d.findElements(By.cssSelector("vaadin-tab")).stream()
                .filter(t -> t.getText().trim().equals(label)).findFirst().orElse(null));
        script("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'}); arguments[0].click();", tab);
    }

    /** The current value of the input of the field with the given id. */
    String value(String fieldId) {
        return waitFor(d -> d.findElement(By.cssSelector("#" + fieldId + " input"))).getDomProperty("value");
    }

    void click(String id) {
        waitFor(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e : null;
        }).click();
    }

    /**
     * Opens a select and picks the item with this label; waits until the select shows it (or its list closed).
     * The select is clicked after scrolling it to the middle of the window, by script when a notification covers it.
     */
    void choose(String selectId, String label) {
        WebElement select = waitFor(d -> d.findElement(By.id(selectId)));
        script("arguments[0].scrollIntoView({block: 'center'});", select);
        try {
            select.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            script("arguments[0].click();", select);
        }
        // Items of the opened drop-down only: another select's chosen value is also a vaadin-select-item.
        waitFor(d -> d.findElements(By.cssSelector("vaadin-select-list-box vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().trim().equals(label)).findFirst().orElse(null)).click();
        waitFor(d -> d.findElement(By.id(selectId)).getText().contains(label)
                || label.equals(d.findElement(By.id(selectId)).getDomProperty("selectedItemLabel"))
                || !d.findElements(By.cssSelector("vaadin-select-list-box vaadin-select-item")).stream()
                        .anyMatch(WebElement::isDisplayed));
    }

    /** Sets a date-time picker as a user's commit does: the value (yyyy-MM-ddTHH:mm), then the change event. */
    void setDateTime(String pickerId, String value) {
        script("const p = document.getElementById(arguments[0]); p.value = arguments[1];"
                + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", pickerId, value);
    }

    boolean gridShows(String gridId, String text) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .anyMatch(c -> text.equals(c.getText().trim()));
    }

    boolean displayed(String id) {
        return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    void doubleClick(WebElement e) {
        new Actions(driver).doubleClick(e).perform();
    }

    /** Replaces the value of the text/number field with the given id. */
    void type(String fieldId, String value) {
        WebElement input = waitFor(d -> {
            WebElement i = d.findElement(By.cssSelector("#" + fieldId + " input"));
            return i.isDisplayed() ? i : null;
        });
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    /** Replaces the value of the text/number field with the given id and presses Enter. */
    void typeAndEnter(String fieldId, String value) {
        WebElement input = waitFor(d -> {
            WebElement i = d.findElement(By.cssSelector("#" + fieldId + " input"));
            return i.isDisplayed() ? i : null;
        });
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.ENTER);
    }

    /** Makes the page's viewport exactly {@code width} × {@code height} CSS pixels, as on a screen of that size. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
