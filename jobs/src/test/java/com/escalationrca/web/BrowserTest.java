package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromedriver): sign in, read the
 * morning report, open a finding's escalations, search with a facet, read a parse error, and see
 * that a manager cannot reach narrative search; planted script payloads run nothing. Screenshots
 * of the main pages go to target/screenshots.
 */
class BrowserTest extends ServedNight {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

  private WebDriver browser;
  private Path profile;

  @BeforeEach
  void startChromium() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    // On CI (.ci/run installs chromium) a missing browser is a failure, not a skip.
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }
    profile = Files.createTempDirectory("rca-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1600", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void signIn(String user) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(user);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void noScriptRan() {
    assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    Object scripts = ((JavascriptExecutor) browser).executeScript("return document.scripts.length");
    assertThat(((Number) scripts).intValue()).isZero();
  }

  @Test
  void anAnalystReadsTheMorningOpensAFindingAndSearchesWithAFacet() throws IOException {
    browser.get(url("/"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    screenshot("sign-in");
    signIn("ana");

    assertThat(browser.getTitle()).startsWith("Morning read " + RUN_DATE);
    assertThat(browser.findElements(By.cssSelector("ol.causes > li"))).isNotEmpty();
    Number chartWidth = (Number) ((JavascriptExecutor) browser).executeScript(
        "return document.querySelector('img.chart').naturalWidth");
    assertThat(chartWidth.intValue()).as("the chart is a real image the browser decoded").isGreaterThan(100);
    screenshot("morning-read");

    browser.findElement(By.cssSelector("a.finding-link")).click();
    long members = Long.parseLong(browser.findElement(By.id("member-count")).getText());
    assertThat(members).isPositive();
    assertThat(browser.findElements(By.cssSelector("table.escalations tbody tr"))).hasSize((int) Math.min(members, 25));
    screenshot("finding");

    browser.get(url("/search?q=" + WebClient.encode("home address")));
    long before = Long.parseLong(browser.findElement(By.id("total")).getText().replace(",", ""));
    browser.findElement(By.cssSelector("[data-facet=market] a.facet-value")).click();
    long after = Long.parseLong(browser.findElement(By.id("total")).getText().replace(",", ""));
    assertThat(after).isPositive().isLessThanOrEqualTo(before);
    assertThat(browser.findElement(By.id("filters")).getText()).contains("market:");
    assertThat(browser.findElements(By.cssSelector(".snippet b"))).isNotEmpty();
    screenshot("search");

    browser.findElement(By.id("q")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
        org.openqa.selenium.Keys.DELETE);
    browser.findElement(By.id("q")).sendKeys("vendor:(spam");
    browser.findElement(By.id("search-button")).click();
    assertThat(browser.findElement(By.id("query-error")).getText()).contains("parenthesis is opened but not closed");

    browser.get(url("/search?q=" + WebClient.encode("pasted appeal")));
    assertThat(browser.getPageSource()).contains("XSS-");
    noScriptRan();
    browser.findElement(By.cssSelector("a.hit-id")).click();
    assertThat(browser.findElement(By.id("narrative")).getText()).contains(NARRATIVE_PAYLOAD);
    noScriptRan();
    screenshot("escalation");
  }

  @Test
  void aManagerReadsAFindingsEscalationsAt1280PixelsAndInvestigatesIt() throws IOException {
    signIn("max");
    browser.findElement(By.cssSelector("a.finding-link")).click();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    Number overflow = (Number) js.executeScript("const t = document.querySelector('table.escalations');"
        + " return t.getBoundingClientRect().right - document.documentElement.clientWidth;");
    assertThat(overflow.doubleValue()).as("the escalations table fits the page width").isLessThanOrEqualTo(0);
    Number tallest = (Number) js.executeScript("return Math.max(...[...document.querySelectorAll("
        + "'table.escalations tbody tr')].map(r => r.getBoundingClientRect().height));");
    assertThat(tallest.doubleValue()).as("no row stretched by an unwrapped dimensions line").isLessThan(200);
    assertThat(browser.findElements(By.cssSelector("td.dims .badge"))).isNotEmpty();
    screenshot("finding-1280");

    browser.findElement(By.cssSelector("a.investigate-link")).click();
    assertThat(browser.findElement(By.id("headline")).getText()).contains("escalations against");
    Number chartWidth = (Number) js.executeScript("return document.querySelector('img.chart').naturalWidth");
    assertThat(chartWidth.intValue()).isGreaterThan(100);
    browser.findElement(By.cssSelector("details.behind summary")).click();
    assertThat(browser.findElement(By.cssSelector("li.example")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("a.search-link"))).as("managers do not search narratives").isEmpty();
    noScriptRan();
    screenshot("investigate");

    java.util.List<org.openqa.selenium.WebElement> where = browser.findElements(By.cssSelector("input.where"));
    where.get(where.size() - 1).sendKeys("nonsense");
    browser.findElement(By.id("investigate-button")).click();
    assertThat(browser.findElement(By.id("question-error")).getText()).contains("DIM=VALUE");
  }

  @Test
  void aManagerRecordsAnEventAndReadsTheDrops() throws IOException {
    signIn("max");
    browser.get(url("/events"));
    ((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = arguments[0]",
        RUN_DATE.minusDays(3).toString());
    browser.findElement(By.id("title")).sendKeys("Browser-recorded outage");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByValue("outage");
    browser.findElement(By.id("save-event")).click();
    assertThat(browser.findElement(By.cssSelector("table.event-list")).getText()).contains("Browser-recorded outage", "outage");
    screenshot("events");
    try {
      browser.get(url("/"));
      org.openqa.selenium.WebElement drops = browser.findElement(By.id("drops"));
      assertThat(drops.getText()).contains("Vendor " + DROPPED + ":");
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", drops);
      screenshot("drops");
      assertThat(browser.getPageSource()).contains("Browser-recorded outage");
    } finally {
      browser.get(url("/events"));
      browser.findElement(By.cssSelector("tr.event-row button.remove")).click();
    }
  }

  @Test
  void aManagerCannotReachNarrativeSearch() throws IOException {
    signIn("max");
    assertThat(browser.findElements(By.linkText("Search"))).isEmpty();
    browser.get(url("/search?q=address"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(browser.getPageSource()).doesNotContain("<b>address</b>");
    screenshot("manager-forbidden");

    browser.get(url("/causes"));
    browser.findElement(By.cssSelector("table.causes tbody tr a")).click();
    assertThat(browser.findElement(By.id("state")).getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("form .btn"))).isNotEmpty();
    screenshot("cause");
  }
}
