package net.delonet.bloodbank.console;

import static org.assertj.core.api.Assertions.assertThat;

import net.delonet.bloodbank.testing.BloodbankTest;
import net.delonet.bloodbank.testing.RunningBloodbank;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * The console against a Bloodbank that requires tokens, in a real browser: the API's 401 opens the token dialog, a wrong
 * token is refused in the dialog with the API's reason, the right one opens the views and the live stream, and it is
 * kept in the tab only (a new tab asks again).
 */
@BloodbankTest("bloodbank.api-tokens=console-t0ken,other-token")
class ConsoleTokenBrowserTest {

    private RunningBloodbank bloodbank;
    private Browser browser;
    private String base;

    @BeforeAll
    void openBrowser() {
        base = "http://127.0.0.1:" + bloodbank.port();
        browser = new Browser(800, 700);
    }

    private boolean dialogOpen() {
        return Boolean.TRUE.equals(browser.script("return document.getElementById('token-dialog').open;"));
    }

    private void enterToken(String value) {
        browser.await(d -> dialogOpen());
        browser.find("#token-input").clear();
        browser.find("#token-input").sendKeys(value + "\n");
    }

    @Test
    void should_ask_for_the_token_refuse_a_wrong_one_and_work_with_the_right_one() {
        browser.driver.get(base + "/console/#/health");
        enterToken("not-a-token");
        // The API's reason for the 401, in the dialog asking again
        browser.await(d -> dialogOpen() && d.findElement(By.cssSelector("#token-dialog p")).getText().contains("bearer token is not valid"));
        assertThat(browser.driver.findElements(By.id("camel-version"))).as("nothing behind the token shown").isEmpty();
        browser.shot("token-refused");

        enterToken("console-t0ken");
        browser.await(d -> !dialogOpen() && d.findElement(By.id("camel-version")).getText().startsWith("Apache Camel 4."));

        // The live stream is read with the bearer token too (EventSource could not send it)
        browser.click("nav a[data-view=live]");
        browser.await(d -> d.findElement(By.id("live-status")).getText().startsWith("Listening"));
        assertThat(dialogOpen()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('bloodbank.token');")).isEqualTo("console-t0ken");
        assertThat(browser.script("return localStorage.length;")).as("nothing kept beyond the tab").isEqualTo(0L);

        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(base + "/console/#/health");
        browser.await(d -> dialogOpen());
    }
}
