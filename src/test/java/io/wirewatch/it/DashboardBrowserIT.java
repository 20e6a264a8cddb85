package io.wirewatch.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.Topics;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live page in a real (headless) browser, against the whole pipeline on the embedded broker: a
 * story and its alerts appear without a reload, an article title that is HTML shows as text, the
 * story view lists every copy, and the rules page shows the parser's error inline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String TOKEN = "browser-test-token";
  private static final String XSS_TITLE = "<img src=x onerror=alert(1)>";
  private static final Path SHOTS = Path.of("target", "screenshots");

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private Wirewatch app;
  private KafkaIO kafka;
  private WebDriver browser;
  private String base;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "no /usr/bin/chromedriver or /usr/bin/chromium: install Debian's chromium and"
            + " chromium-driver to run the browser test");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Properties p = new Properties();
    p.setProperty(WirewatchConfig.BOOTSTRAP_SERVERS.key(), EmbeddedBroker.bootstrapServers());
    p.setProperty(WirewatchConfig.APPLICATION_ID.key(), "wirewatch-browser-" + run);
    p.setProperty(
        WirewatchConfig.STATE_DIR.key(), Files.createTempDirectory("wirewatch-web-").toString());
    p.setProperty(WirewatchConfig.HTTP_PORT.key(), Integer.toString(port));
    p.setProperty(WirewatchConfig.API_TOKEN.key(), TOKEN);
    p.setProperty(WirewatchConfig.TOPIC_PARTITIONS.key(), "2");
    app = Wirewatch.start(WirewatchConfig.of(p), true);
    app.awaitRunning(Duration.ofMinutes(2));
    kafka = new KafkaIO(EmbeddedBroker.bootstrapServers());
    base = "http://localhost:" + port;
    browser = chrome();
    Files.createDirectories(SHOTS);
  }

  private static WebDriver chrome() throws Exception {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,1500",
        "--user-data-dir=" + Files.createTempDirectory("wirewatch-chromium-"));
    return new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void shouldShowStoriesAndAlertsLiveWithUntrustedTextAsText() throws Exception {
    String rule = "lighthouse-" + run;
    HttpResponse<String> added =
        post("/api/rules", ruleJson(rule, "lighthouse OR harbour", "EVERY", "coast-desk"));
    assertEquals(201, added.statusCode(), added.body());
    await().atMost(Duration.ofSeconds(30)).until(() -> app.rules().book().get(rule).isPresent());

    browser.get(base + "/");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "live".equals(attr(By.id("status"), "data-state")));

    for (String line : Files.readAllLines(Path.of("config/samples/articles.jsonl"))) {
      if (!line.isBlank()) {
        kafka.produce(Topics.RAW.name(), null, line);
      }
    }
    // text of its own: other integration tests on this broker publish a lighthouse story too
    String body =
        "Residents of Port Wenna voted by a large margin to repair their lighthouse, whose lamp"
            + " went dark in a winter storm, and to turn the keeper's cottage into a small museum"
            + " about the fishing fleet that the beacon guided home for two centuries.";
    kafka.produce(Topics.RAW.name(), id("l1"), article(id("l1"), "capetimes.example", body));
    kafka.produce(Topics.RAW.name(), id("l2"), article(id("l2"), "coastwire.example", body));
    kafka.produce(
        Topics.RAW.name(),
        id("xss"),
        article(
            id("xss"),
            "prank.example",
            XSS_TITLE,
            "A harbour festival with a lighthouse parade drew crowds; organisers promised fireworks"
                + " and music until late on Saturday evening."));

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> texts("#alerts .alert-title").contains(XSS_TITLE));
    assertTrue(browser.findElements(By.cssSelector("main img, #alerts img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    // read in one script call: the live list re-renders between a lookup and a getText
    assertTrue(
        texts("#alerts mark").stream().anyMatch(m -> m.equalsIgnoreCase("lighthouse")),
        "snippets highlight the matched words");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> texts("#stories .story-title").contains(STORY_TITLE));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !texts("#kpi-articles").equals(List.of("0")));
    screenshot("dashboard.png");

    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              browser.findElements(By.cssSelector("#stories .story-title")).stream()
                  .filter(e -> e.getText().equals(STORY_TITLE))
                  .findFirst()
                  .orElseThrow()
                  .click();
              return true;
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> texts("#story-articles tbody tr").size() == 2);
    List<String> rows = texts("#story-articles tbody tr");
    assertTrue(rows.stream().anyMatch(r -> r.contains("capetimes.example")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("coastwire.example")), rows.toString());
    assertEquals(STORY_TITLE, browser.findElement(By.id("story-title")).getText());
    screenshot("story.png");

    String storyId =
        URI.create(browser.getCurrentUrl()).getFragment().substring("/story/".length());
    JsonNode api = JsonViews.MAPPER.readTree(get("/api/stories/" + storyId).body());
    assertEquals(2, api.get("sources").asInt());
  }

  @Test
  void shouldRefuseRuleChangesWithoutTheToken() throws Exception {
    String rule = ruleJson("no-token", "lighthouse", "EVERY", "nobody");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/rules"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongToken =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/rules/anything"))
                .header("Authorization", "Bearer not-" + TOKEN)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertEquals(401, wrongToken.statusCode(), wrongToken.body());
    assertTrue(
        JsonViews.MAPPER.readTree(get("/api/rules").body()).get("rules").findValues("id").stream()
            .noneMatch(id -> id.asText().equals("no-token")));
  }

  @Test
  void shouldShowTheParsersErrorInlineOnTheRulesPage() throws Exception {
    browser.get(base + "/#/rules");
    browser.findElement(By.id("token-input")).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    browser.findElement(By.id("rule-id")).sendKeys("broken-" + run);
    browser.findElement(By.id("rule-query")).sendKeys("lighthouse AND (harbour");
    browser.findElement(By.id("rule-subscriber")).sendKeys("coast-desk");
    browser.findElement(By.id("rule-save")).click();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> browser.findElement(By.id("rule-error")).isDisplayed());
    String error = browser.findElement(By.id("rule-error")).getText();
    assertTrue(error.contains("column"), error);
    screenshot("rules.png");
  }

  private String id(String name) {
    return run + "-" + name;
  }

  /** Unique to this test: other integration tests on the same broker publish lighthouse stories. */
  private static final String STORY_TITLE = "Village votes to restore its lighthouse";

  private static String article(String id, String source, String body) {
    return article(id, source, STORY_TITLE, body);
  }

  private static String article(String id, String source, String title, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("language", "en");
    o.put("url", "https://" + source + "/news/" + id);
    o.put("title", title);
    o.put("body", body);
    return JsonViews.write(o);
  }

  private static String ruleJson(String id, String query, String mode, String subscriber) {
    return JsonViews.write(
        JsonViews.MAPPER
            .createObjectNode()
            .put("id", id)
            .put("query", query)
            .put("mode", mode)
            .put("subscriber", subscriber));
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private String attr(By by, String name) {
    List<WebElement> found = browser.findElements(by);
    return found.isEmpty() ? null : found.get(0).getAttribute(name);
  }

  /**
   * Texts read in one script: the page redraws lists live, so elements may go stale between calls.
   */
  @SuppressWarnings("unchecked")
  private List<String> texts(String css) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
