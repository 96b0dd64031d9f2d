package io.niows.examples.chat;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (paths overridable with the environment variables {@code CHROMIUM} and {@code CHROMEDRIVER}),
 * told to Selenium so that it never looks for or downloads a browser. Each window gets a profile
 * of its own in a temporary directory; {@link #close()} quits every window and deletes those
 * directories.
 *
 * <p>Not thread-safe: one test's thread.
 */
public final class Chromium implements AutoCloseable {

    private final Path binary;
    private final Path driver;
    private final List<WebDriver> windows = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    private Chromium(Path binary, Path driver) {
        this.binary = binary;
        this.driver = driver;
    }

    /**
     * {@return the browser} Without it the calling test is skipped, except under {@code CI}, where
     * it fails.
     */
    public static Chromium findOrSkip() {
        Path binary = Path.of(env("CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            String missing = "needs " + binary + " and " + driver + " (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                fail("CI is set, so the browser test must run, but it " + missing);
            }
            assumeTrue(false, "skipped: the browser test " + missing);
        }
        System.setProperty("webdriver.chrome.driver", driver.toString());
        return new Chromium(binary, driver);
    }

    /**
     * Opens a headless window of {@code width} by {@code height} pixels on {@code url}.
     *
     * @param options more options, such as mobile emulation; the headless ones are added here
     * @param width the window's width
     * @param height the window's height
     * @param url the page to load
     * @return the window, quit by {@link #close()} unless {@link #quit} was called first
     * @throws IOException when the profile's directory cannot be made
     */
    public WebDriver open(ChromeOptions options, int width, int height, String url) throws IOException {
        Path profile = temporaryDirectory("niows-chromium-");
        options.setBinary(binary.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver window = new ChromeDriver(service, options);
        windows.add(window);
        window.get(url);
        return window;
    }

    /** Quits one window before the test ends (a person leaving the page). */
    public void quit(WebDriver window) {
        window.quit();
        windows.remove(window);
    }

    /**
     * {@return a new temporary directory, deleted by {@link #close()}}
     *
     * @param prefix its name's start
     * @throws IOException when it cannot be made
     */
    public Path temporaryDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        directories.add(dir);
        return dir;
    }

    @Override
    public void close() throws IOException {
        for (WebDriver window : windows) {
            try {
                window.quit();
            } catch (RuntimeException ignored) {
                // Cleaning up: the test has already reported whatever went wrong.
            }
        }
        windows.clear();
        for (Path dir : directories) {
            deleteTree(dir);
        }
        directories.clear();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
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
