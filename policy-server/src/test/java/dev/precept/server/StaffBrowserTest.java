package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precept.library.Drafts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in Debian's headless Chromium: a clerk signs in, opens the library, runs a ruling in
 * the explorer; a member of staff acknowledges through their link; the report changes.
 */
class StaffBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path folder;

  private static WebDriver browser(Path profile) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI=true but Chromium or chromedriver is missing (.ci/run must install chromium and chromium-driver)");
    }
    assumeTrue(present, "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString())).build();
    WebDriver driver = new ChromeDriver(service, options);
    // Forms post and navigate: look for the next page's elements until they are there (bounded), not at once.
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  @Test
  void aClerkRulesInTheExplorerAndTheReportChangesWhenStaffAcknowledge() throws Exception {
    try (RunningServer server = new RunningServer(folder.resolve("library"))) {
      String link;
      try (ServerAdmin admin = ServerAdmin.open(server.folder, Optional.empty())) {
        admin.importPeople("id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff,North\n"
            + "E2,Bob Teacher,bob@example.org,staff,North\n", "people.csv");
        link = admin.ackLinks("cat-social-media", server.server.uri().toString(), Duration.ofDays(7), Drafts.REFUSED).get(0).url();
      }
      WebDriver driver = browser(Files.createDirectories(folder.resolve("profile")));
      try {
        String base = server.server.uri().toString();
        driver.get(base + "/staff");
        assertTrue(driver.getCurrentUrl().endsWith("/staff/login"), driver.getCurrentUrl());
        driver.findElement(By.id("key")).sendKeys(server.readKey);
        driver.findElement(By.id("sign-in")).click();
        // The title is read at once, not looked for like an element: wait for the next page (bounded).
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Policy library · Precept"));
        assertEquals("Policy library · Precept", driver.getTitle());
        assertTrue(driver.findElement(By.cssSelector("#policies tbody tr")).getText().contains("2017.1"));

        driver.findElement(By.linkText("Ruling explorer")).click();
        new Select(driver.findElement(By.id("role"))).selectByValue("staff");
        new Select(driver.findElement(By.id("category"))).selectByValue("name-and-materials");
        new Select(driver.findElement(By.id("fact.during-working-hours"))).selectByValue("false");
        new Select(driver.findElement(By.id("fact.investigation-finding"))).selectByValue("breach");
        driver.findElement(By.id("rule")).click();
        assertEquals("Ruling: breached", driver.findElement(By.cssSelector("#ruling h2")).getText());

        driver.get(base + "/staff/policies/cat-social-media/acknowledgements");
        assertEquals("not acknowledged", driver.findElement(By.cssSelector("tr[data-person=E1] .status")).getText());

        driver.get(link);
        driver.findElement(By.id("acknowledge")).click();
        assertTrue(driver.findElement(By.id("acknowledged")).getText().startsWith("Ann Teacher acknowledged"));

        driver.get(base + "/staff/policies/cat-social-media/acknowledgements");
        assertTrue(driver.findElement(By.cssSelector("tr[data-person=E1] .status")).getText().startsWith("acknowledged"));
        assertEquals("not acknowledged", driver.findElement(By.cssSelector("tr[data-person=E2] .status")).getText());
      } finally {
        driver.quit();
      }
    }
  }
}
