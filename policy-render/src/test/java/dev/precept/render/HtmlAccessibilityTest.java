package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs axe-core (the accessibility engine; its {@code axe.min.js} comes from Deque's
 * {@code com.deque.html.axe-core:selenium} artifact) on the HTML document in headless Chromium,
 * draft and approved, and on the index page of a published site: no serious or critical violation
 * is allowed. Chromium is required on CI and the test is skipped elsewhere without it.
 */
class HtmlAccessibilityTest {
  private static final Pattern RESULT = Pattern.compile("<pre id=\"axe-result\">(.*?)</pre>", Pattern.DOTALL);

  private static Path chromium() {
    Optional<Path> chromium = ChromiumRenderingTest.chromium();
    if (chromium.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("Chromium is required on CI (.ci/run installs Debian's chromium package)");
      }
      Assumptions.abort("no Chromium here: install Debian's chromium package to run this test");
    }
    return chromium.get();
  }

  /** axe's violations of the page, each as {id, impact, help, targets}. */
  static JsonNode violations(String html, Path dir) throws Exception {
    Path chromium = chromium();
    try (InputStream axe = HtmlAccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      Files.write(dir.resolve("axe.min.js"), axe.readAllBytes());
    }
    String runner = "<script src=\"axe.min.js\"></script><script>"
        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        + " var pre = document.createElement('pre'); pre.id = 'axe-result';"
        + " pre.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
        + " help: v.help, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; }));"
        + " document.body.appendChild(pre); });</script>";
    Path page = dir.resolve("document.html");
    Files.writeString(page, html.replace("</body>", runner + "</body>"), StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--allow-file-access-from-files", "--user-data-dir=" + dir.resolve("profile"),
        "--virtual-time-budget=30000", "--dump-dom", page.toUri().toString()));
    Process process = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] dom = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 120 s");
    }
    Matcher result = RESULT.matcher(new String(dom, StandardCharsets.UTF_8));
    assertTrue(result.find(), () -> "axe did not report; Chromium's log: " + readLog(dir));
    return new ObjectMapper().readTree(StringEscapeUtils.unescapeHtml4(result.group(1)));
  }

  private static String readLog(Path dir) {
    try {
      return Files.readString(dir.resolve("chromium.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static List<String> seriousOrCritical(JsonNode violations) {
    List<String> found = new ArrayList<>();
    for (JsonNode v : violations) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        found.add(v.get("id").asText() + " (" + impact + "): " + v.get("help").asText() + " at " + v.get("targets"));
      }
    }
    return found;
  }

  @Test
  void theDraftHtmlDocumentHasNoSeriousOrCriticalAxeViolation(@TempDir Path dir) throws Exception {
    String html = DocumentRenderer.standard().html(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY));
    JsonNode violations = violations(html, dir);
    assertEquals(List.of(), seriousOrCritical(violations), violations::toString);
  }

  @Test
  void thePublishedSitesIndexHasNoSeriousOrCriticalAxeViolation(@TempDir Path dir) throws Exception {
    chromium();
    byte[] index = PolicySite.of(DocumentRenderer.standard()).files("Connect Academy Trust", java.time.LocalDate.of(2017, 3, 1),
        PolicySiteTest.trustAndAcademy(), line -> {}).get("index.html");
    JsonNode violations = violations(new String(index, StandardCharsets.UTF_8), dir);
    assertEquals(List.of(), seriousOrCritical(violations), violations::toString);
  }

  @Test
  void axeReallyReportsAViolationWhenThereIsOne(@TempDir Path dir) throws Exception {
    // The check must be able to fail: an image without alternative text is a critical violation.
    String html = DocumentRenderer.standard().html(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY))
        .replace("<main>", "<main><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"/>");
    assertTrue(seriousOrCritical(violations(html, dir)).stream().anyMatch(v -> v.startsWith("image-alt")));
  }
}
