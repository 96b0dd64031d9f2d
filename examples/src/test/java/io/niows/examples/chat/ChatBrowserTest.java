package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.niows.WebSocketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in real headless Chromium: two people join, talk both ways, one leaves; and the
 * page reconnects by itself after a server restart.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} (paths overridable with the
 * environment variables {@code CHROMIUM} and {@code CHROMEDRIVER}); Selenium is told both paths,
 * so it never looks for or downloads a browser. Without them the test is skipped, except under
 * {@code CI}, where it fails. Set the system property {@code niows.screenshot} to a PNG file name to
 * keep screenshots of the conversation (the phone-sized window beside it, as {@code *-phone.png}).
 */
@Timeout(180)
class ChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Path chromium;
    private Path chromedriver;
    private WebSocketServer server;
    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        chromium = Path.of(env("CHROMIUM", "/usr/bin/chromium"));
        chromedriver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            String missing = "needs " + chromium + " and " + chromedriver
                    + " (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail("CI is set, so the browser test must run, but it " + missing);
            }
            assumeTrue(false, "skipped: the browser test " + missing);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        server = ChatServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            for (WebDriver driver : drivers) {
                quietly(driver::quit);
            }
        } finally {
            if (server != null) {
                server.close();
            }
            for (Path profile : profiles) {
                deleteTree(profile);
            }
        }
    }

    @Test
    void twoPeopleJoinTalkBothWaysAndOneLeaves() throws IOException {
        WebDriver ann = open(1000, 680);
        join(ann, "ann");
        WebDriver bob = open(390, 760);
        join(bob, "bob");

        await(ann, "ann sees bob join", d -> notices(d).stream().anyMatch(n -> n.startsWith("bob joined"))
                && online(d).equals(List.of("ann", "bob")));
        await(bob, "bob sees who is online", d -> online(d).equals(List.of("ann", "bob")));

        say(ann, "ann", "Hello bob! Welcome to the room.");
        say(bob, "bob", "Hi ann <b>not bold</b> & \"quoted\" \ud83d\udc4b");
        say(ann, "ann", "Markup stays text, as it should.");
        for (WebDriver browser : List.of(ann, bob)) {
            await(browser, "both see all three messages, in order", d -> messages(d).equals(List.of(
                    "ann: Hello bob! Welcome to the room.",
                    "bob: Hi ann <b>not bold</b> & \"quoted\" \ud83d\udc4b",
                    "ann: Markup stays text, as it should.")));
        }
        assertThat(ann.findElements(By.cssSelector("#messages b"))).as("no markup was rendered").isEmpty();
        assertThat(ann.findElement(By.id("status")).getText()).isEqualTo("Connected");
        saveScreenshot(ann, ".png");
        saveScreenshot(bob, "-phone.png");

        bob.quit();
        drivers.remove(bob);

        await(ann, "ann sees bob leave", d -> notices(d).stream().anyMatch(n -> n.startsWith("bob left"))
                && online(d).equals(List.of("ann")));
    }

    @Test
    void thePageReconnectsAndRejoinsAfterTheServerRestarts() throws IOException {
        WebDriver ann = open(1000, 680);
        join(ann, "ann");
        int port = server.port();

        server.close();
        await(ann, "the page shows it is offline",
                d -> d.findElement(By.id("status")).getText().startsWith("Offline"));
        server = ChatServer.start("127.0.0.1", port);

        await(ann, "the page reconnects and rejoins", d -> d.findElement(By.id("status")).getText()
                .equals("Connected") && notices(d).contains("Reconnected as ann"));
        say(ann, "ann", "back again");
        await(ann, "and can talk again", d -> messages(d).equals(List.of("ann: back again")));
    }

    private WebDriver open(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("niows-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        driver.get("http://127.0.0.1:" + server.port() + "/");
        return driver;
    }

    private static void join(WebDriver driver, String name) {
        await(driver, "the page connects", d -> d.findElement(By.id("status")).getText().equals("Connected"));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        await(driver, name + " is welcomed", d -> d.findElement(By.id("room")).isDisplayed()
                && online(d).contains(name));
    }

    /** Sends a message and waits until the server has echoed it back to its sender. */
    private static void say(WebDriver driver, String name, String text) {
        WebElement box = driver.findElement(By.id("message"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
        await(driver, name + "'s message comes back from the server",
                d -> messages(d).contains(name + ": " + text));
    }

    private static List<String> messages(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#messages .message'))"
                + ".map(li => li.querySelector('.who').textContent + ': ' + li.querySelector('.text').textContent)");
    }

    private static List<String> notices(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#messages .notice'))"
                + ".map(li => li.textContent)");
    }

    private static List<String> online(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#online li')).map(li => li.textContent)");
    }

    /** Reads the page in one script, so a list is never half-updated while read. */
    private static List<String> strings(WebDriver driver, String script) {
        List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(script);
        return values.stream().map(String::valueOf).toList();
    }

    private static void await(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
    }

    /** With {@code -Dniows.screenshot=dir/chat.png}, keeps this window as dir/chat{suffix}. */
    private static void saveScreenshot(WebDriver driver, String suffix) throws IOException {
        String target = System.getProperty("niows.screenshot");
        if (target != null && !target.isBlank()) {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(png, Path.of(target.replaceFirst("\\.png$", "") + suffix),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // Cleaning up: the test has already reported whatever went wrong.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
