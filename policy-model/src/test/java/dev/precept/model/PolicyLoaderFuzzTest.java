package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzing the loader: whatever bytes it is given, it returns a policy or throws its own
 * exception with located problems, nothing else. In a plain {@code mvn verify} each fuzz test runs
 * its committed corpus ({@code src/test/resources/dev/precept/model/PolicyLoaderFuzzTestInputs/});
 * {@code JAZZER_FUZZ=1 mvn test -pl policy-model -Dtest=PolicyLoaderFuzzTest#anyBytesGiveAPolicyOrLocatedProblems}
 * fuzzes for real and adds any crash to that corpus.
 */
class PolicyLoaderFuzzTest {
  private static final List<String> SEED_LINES = seedLines();
  private static final ReadLimits SMALL = ReadLimits.builder().maxBytes(256 * 1024).build();

  private static List<String> seedLines() {
    try {
      return List.of(Files.readString(java.nio.file.Path.of("../examples/connect-academy-trust/social-media-policy.yaml"), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyBytesGiveAPolicyOrLocatedProblems(FuzzedDataProvider data) {
    loadOrLocatedProblems(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "10m")
  void mutationsOfTheSeedGiveAPolicyOrLocatedProblems(FuzzedDataProvider data) {
    List<String> lines = new ArrayList<>(SEED_LINES);
    int edits = data.consumeInt(1, 8);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = data.consumeInt(0, lines.size() - 1);
      switch (data.consumeInt(0, 4)) {
        case 0 -> lines.remove(at);
        case 1 -> {
          int other = data.consumeInt(0, lines.size() - 1);
          String swapped = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swapped);
        }
        case 2 -> {
          String line = lines.get(at);
          int column = data.consumeInt(0, line.length());
          lines.set(at, line.substring(0, column) + data.consumeString(4) + line.substring(column));
        }
        case 3 -> lines.set(at, lines.get(at).replaceFirst(":\\s.*", java.util.regex.Matcher.quoteReplacement(": " + data.consumeString(12))));
        default -> lines.add(at, lines.get(data.consumeInt(0, lines.size() - 1)));
      }
    }
    loadOrLocatedProblems(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  private static void loadOrLocatedProblems(byte[] input) {
    try {
      PolicyLoader.withLimits(SMALL).parse(input, "fuzzed.yaml");
    } catch (PolicyValidationException e) {
      assertFalse(e.diagnostics().isEmpty());
      long lines = new String(input, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1;
      for (Diagnostic problem : e.diagnostics()) {
        assertFalse(problem.message().isBlank(), "a problem without a message");
        assertFalse(problem.source().isBlank(), "a problem without a source");
        assertFalse(problem.code().isBlank(), "a problem without a code");
        // Located: a line and column inside the input, unless the whole file is refused for its size.
        if (!(problem.code().equals(Diagnostic.TOO_LARGE) && problem.line() == 0)) {
          assertTrue(problem.line() >= 1 && problem.line() <= lines, () -> "line outside the input: " + problem.describe());
          assertTrue(problem.column() >= 1, () -> "no column: " + problem.describe());
        }
      }
    }
    // Any other exception escapes and is a finding.
  }
}
