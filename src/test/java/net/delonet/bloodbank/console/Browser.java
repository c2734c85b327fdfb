package net.delonet.bloodbank.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver, both named explicitly (Selenium Manager would try to
 * download them), with a fresh profile. Screenshots go to target/console-screenshots/.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final String DRIVER = System.getProperty("bloodbank.test.chromedriver", "/usr/bin/chromedriver");
    private static final String CHROMIUM = System.getProperty("bloodbank.test.chromium",
            Files.isExecutable(Path.of("/usr/lib/chromium/chromium")) ? "/usr/lib/chromium/chromium" : "/usr/bin/chromium");

    final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) {
        if (!Files.isExecutable(Path.of(DRIVER)) || !Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException("The console's browser test needs Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        try {
            profile = Files.createTempDirectory("bloodbank-chromium-");
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        driver = new ChromeDriver(service, options);
    }

    /** Waits for the condition; a list re-rendered under the condition (a stale element) is only a reason to look again. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return await(d -> d.findElement(By.cssSelector(css)));
    }

    /** The element's text, read inside the wait so that a view re-rendering between finding and reading is retried. */
    String text(String css) {
        return await(d -> d.findElement(By.cssSelector(css)).getText());
    }

    String attribute(String css, String name) {
        return await(d -> d.findElement(By.cssSelector(css)).getAttribute(name));
    }

    void click(String css) {
        await(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
