package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzing academies' overlays: whatever bytes an overlay file holds, the overlay loader returns an
 * overlay or refuses it with located problems; an overlay it returns, applied to the trust's
 * policy, gives a policy or refuses with problems that name their place, never another exception.
 * In a plain {@code mvn verify} each fuzz test runs its committed corpus
 * ({@code src/test/resources/dev/precept/model/OverlayLoaderFuzzTestInputs/}); {@code JAZZER_FUZZ=1}
 * fuzzes for real (see docs/performance.md, "Fuzzing").
 */
class OverlayLoaderFuzzTest {
  private static final Path LIBRARY = Path.of("..", "examples", "connect-academy-trust-library");
  private static final Policy MASTER = PolicyLoader.standard().load(LIBRARY.resolve("policies/social-media/social-media-policy.yaml"));
  private static final List<String> OVERLAY_LINES = lines(LIBRARY.resolve("academies/trelissick/social-media.overlay.yaml"));

  private static List<String> lines(Path file) {
    try {
      return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyBytesGiveAnOverlayOrLocatedProblems(FuzzedDataProvider data) {
    readAndApply(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "10m")
  void editsOfARealOverlayGiveAnAcademysPolicyOrLocatedProblems(FuzzedDataProvider data) {
    List<String> lines = new ArrayList<>(OVERLAY_LINES);
    int edits = data.consumeInt(1, 6);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = data.consumeInt(0, lines.size() - 1);
      switch (data.consumeInt(0, 3)) {
        case 0 -> lines.remove(at);
        case 1 -> {
          String line = lines.get(at);
          int column = data.consumeInt(0, line.length());
          lines.set(at, line.substring(0, column) + data.consumeString(6) + line.substring(column));
        }
        case 2 -> lines.set(at, lines.get(at).replaceFirst(":\\s.*", java.util.regex.Matcher.quoteReplacement(": " + data.consumeString(16))));
        default -> lines.add(at, lines.get(data.consumeInt(0, lines.size() - 1)));
      }
    }
    readAndApply(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  private static void readAndApply(byte[] input) {
    Overlay overlay;
    try {
      overlay = OverlayLoader.standard().parse(input, "fuzzed.overlay.yaml");
    } catch (PolicyValidationException e) {
      located(e, input);
      return;
    } catch (PolicyException e) {
      assertFalse(String.valueOf(e.getMessage()).isBlank(), "a refusal says why");
      return;
    }
    try {
      overlay.applyTo(MASTER);
    } catch (PolicyValidationException e) {
      assertFalse(e.diagnostics().isEmpty(), "a refused overlay names its problems");
      for (Diagnostic problem : e.diagnostics()) {
        assertFalse(problem.message().isBlank(), () -> "a problem without a message: " + problem.describe());
        assertFalse(problem.code().isBlank(), () -> "a problem without a code: " + problem.describe());
      }
    }
    // Any other exception escapes and is a finding.
  }

  private static void located(PolicyValidationException e, byte[] input) {
    assertFalse(e.diagnostics().isEmpty());
    long lines = new String(input, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
    for (Diagnostic problem : e.diagnostics()) {
      assertFalse(problem.message().isBlank(), () -> "a problem without a message: " + problem.describe());
      assertFalse(problem.code().isBlank(), () -> "a problem without a code: " + problem.describe());
      if (!(problem.code().equals(Diagnostic.TOO_LARGE) && problem.line() == 0)) {
        assertTrue(problem.line() >= 1 && problem.line() <= lines, () -> "line outside the input: " + problem.describe());
        assertTrue(problem.column() >= 1, () -> "no column: " + problem.describe());
      }
    }
  }
}
