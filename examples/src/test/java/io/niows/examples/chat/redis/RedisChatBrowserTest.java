package io.niows.examples.chat.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.niows.examples.chat.ChatNode;
import io.niows.examples.chat.ChatServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two chat nodes sharing a room through a real redis-server, one headless-Chromium page on each:
 * they see each other join, talk across the nodes and see each other leave. Uses Debian's {@code chromium} and
 * {@code chromium-driver} and {@code redis-server}; skipped without them, failed under {@code CI}.
 */
@Timeout(180)
class RedisChatBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path chromium;
    private Path chromedriver;
    private RedisServer redis;
    private final List<ChatNode> nodes = new ArrayList<>();
    private final List<WebDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
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
        redis = RedisServer.start();
        for (int i = 0; i < 2; i++) {
            nodes.add(ChatServer.start("127.0.0.1", 0, null, redis.uri()));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!nodes.stream().allMatch(n -> n.redis().subscribed()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            for (WebDriver driver : drivers) {
                quietly(driver::quit);
            }
            nodes.forEach(n -> quietly(n::close));
        } finally {
            redis.close();
            for (Path profile : profiles) {
                deleteTree(profile);
            }
        }
    }

    @Test
    void pagesOnTwoNodesSeeEachOtherTalkAndLeave() throws IOException {
        WebDriver ann = open(nodes.get(0).server().port(), "");
        join(ann, "ann");
        WebDriver bob = open(nodes.get(1).server().port(), "");
        join(bob, "bob");
        await(ann, "ann, on the first node, sees bob join on the second",
                d -> online(d).equals(List.of("ann", "bob")));

        say(ann, "ann", "hello from the first node");
        say(bob, "bob", "hello from the second node");
        for (WebDriver page : List.of(ann, bob)) {
            await(page, "both messages reach both pages", d -> messages(d).containsAll(List.of(
                    "ann: hello from the first node", "bob: hello from the second node")));
        }

        bob.quit();
        drivers.remove(bob);
        await(ann, "ann sees bob leave the other node", d -> online(d).equals(List.of("ann")));
    }

    private WebDriver open(int port, String query) throws IOException {
        Path profile = Files.createTempDirectory("niows-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1000,680");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        driver.get("http://127.0.0.1:" + port + "/" + query);
        return driver;
    }

    private static void join(WebDriver driver, String name) {
        await(driver, "the page connects", d -> status(d).equals("Connected"));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        await(driver, name + " is welcomed", d -> d.findElement(By.id("room")).isDisplayed()
                && online(d).contains(name));
    }

    private static void say(WebDriver driver, String name, String text) {
        WebElement box = driver.findElement(By.id("message"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
        await(driver, name + "'s message comes back", d -> messages(d).contains(name + ": " + text));
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.id("status")).getText();
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

    private static List<String> strings(WebDriver driver, String script) {
        List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(script);
        return values.stream().map(String::valueOf).toList();
    }

    private static void await(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
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
