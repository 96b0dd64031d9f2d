package io.niows.examples.chat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on the chat page and read from it. Lists are read in one script, so
 * a list is never half-updated while read.
 *
 * <p>Stateless; each call works on the window it is given.
 */
public final class ChatPage {

    /** How long a wait on the page may take. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private ChatPage() {
    }

    /** Waits until the page is connected, then joins as {@code name} and waits for the welcome. */
    public static void join(WebDriver driver, String name) {
        await(driver, "the page connects", d -> status(d).equals("Connected"));
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("join-button")).click();
        await(driver, name + " is welcomed", d -> d.findElement(By.id("room")).isDisplayed()
                && online(d).contains(name));
    }

    /** Sends a message and waits until the server has echoed it back to its sender. */
    public static void say(WebDriver driver, String name, String text) {
        WebElement box = driver.findElement(By.id("message"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
        await(driver, name + "'s message comes back from the server",
                d -> messages(d).contains(name + ": " + text));
    }

    /** {@return the connection status the header shows} */
    public static String status(WebDriver driver) {
        return driver.findElement(By.id("status")).getText();
    }

    /** {@return the messages on screen, each as {@code name: text}} */
    public static List<String> messages(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#messages .message'))"
                + ".map(li => li.querySelector('.who').textContent + ': ' + li.querySelector('.text').textContent)");
    }

    /** {@return the notices on screen: joins, leaves, connection lost and back} */
    public static List<String> notices(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#messages .notice'))"
                + ".map(li => li.textContent)");
    }

    /** {@return the online list} */
    public static List<String> online(WebDriver driver) {
        return strings(driver, "return Array.from(document.querySelectorAll('#online li')).map(li => li.textContent)");
    }

    /** {@return what {@code script} returns, a list, as strings} */
    public static List<String> strings(WebDriver driver, String script) {
        List<?> values = (List<?>) ((JavascriptExecutor) driver).executeScript(script);
        return values.stream().map(String::valueOf).toList();
    }

    /** Waits at most {@link #WAIT} for {@code condition}; fails with {@code what} if it never holds. */
    public static void await(WebDriver driver, String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(condition::apply);
    }
}
