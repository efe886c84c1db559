package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML document in a real headless Chromium (Debian's package; {@code .ci/run} installs
 * it) and checks what a reader would see: the text as the browser lays it out, and a screenshot.
 * On CI a missing browser fails the test; elsewhere the test is skipped with a note.
 */
class ChromiumRenderingTest {
  private static final int WIDTH = 1024;
  private static final int HEIGHT = 1400;

  static Optional<Path> chromium() {
    String configured = System.getenv("PRECEPT_CHROMIUM");
    List<Path> candidates = new ArrayList<>();
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    candidates.add(Path.of("/usr/bin/chromium"));
    candidates.add(Path.of("/usr/bin/chromium-browser"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static Path requireChromium() {
    Optional<Path> chromium = chromium();
    if (chromium.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("Chromium is required on CI (.ci/run installs Debian's chromium package)");
      }
      Assumptions.abort("no Chromium here: install Debian's chromium package to run this test");
    }
    return chromium.get();
  }

  private static void run(Path chromium, Path profile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Chromium did not finish within 120 s");
    }
  }

  @Test
  void chromiumShowsEverySentenceOfTheOriginalAndAFullScreenshot(@TempDir Path dir) throws Exception {
    Path chromium = requireChromium();
    Path html = dir.resolve("document.html");
    Files.writeString(html, DocumentRenderer.standard().html(DocumentRendererTest.POLICY,
        SignatureBlock.unsigned(DocumentRendererTest.POLICY)), StandardCharsets.UTF_8);
    Path printed = dir.resolve("printed.pdf");
    Path screenshot = dir.resolve("screenshot.png");
    run(chromium, dir.resolve("profile-1"), "--no-pdf-header-footer", "--print-to-pdf=" + printed, html.toUri().toString());
    run(chromium, dir.resolve("profile-2"), "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + screenshot, html.toUri().toString());

    assertTrue(Files.size(printed) > 0, "Chromium printed nothing");
    String text;
    try (PDDocument document = Loader.loadPDF(printed.toFile())) {
      text = DocumentRendererTest.text(document);
    }
    List<String> missing = new ArrayList<>();
    for (String sentence : DocumentRendererTest.originalSentences()) {
      if (!text.contains(sentence)) {
        missing.add(sentence);
      }
    }
    assertEquals(List.of(), missing, "sentences the browser does not show");

    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertEquals(WIDTH, image.getWidth());
    assertEquals(HEIGHT, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, "the screenshot looks blank: " + colours.size() + " colours");
    Files.copy(screenshot, Path.of("target/chromium-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
