package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precept.model.ReadLimits;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzing the incident readers: whatever bytes the incident loader is given, it returns an incident
 * or throws its own exception with located problems; whatever text a batch is given, each line
 * gives a ruling or a located line error, never an exception. In a plain {@code mvn verify} each
 * fuzz test runs its committed corpus ({@code src/test/resources/dev/precept/eval/IncidentLoaderFuzzTestInputs/});
 * {@code JAZZER_FUZZ=1 mvn test -pl policy-eval -am -Dtest=IncidentLoaderFuzzTest#anyBytesGiveAnIncidentOrLocatedProblems
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for real and adds any crash to that corpus.
 */
class IncidentLoaderFuzzTest {
  private static final IncidentLoader LOADER = IncidentLoader.forPolicy(SeedPolicy.POLICY);
  private static final ReadLimits SMALL = ReadLimits.builder().maxBytes(64 * 1024).build();
  private static final BatchRulings BATCH = BatchRulings.of(SeedPolicy.EVALUATOR).withThreads(1);

  @FuzzTest(maxDuration = "10m")
  void anyBytesGiveAnIncidentOrLocatedProblems(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      Incident incident = LOADER.read(LocatedDocument.read(bytes, "fuzz.yaml", SMALL), "");
      assertFalse(incident.id().isEmpty());
      SeedPolicy.EVALUATOR.rule(incident);
    } catch (PolicyValidationException e) {
      assertFalse(e.diagnostics().isEmpty(), "a refusal names its problems");
      for (Diagnostic problem : e.diagnostics()) {
        assertTrue(problem.line() >= 0 && problem.column() >= 0, problem.describe());
      }
    } catch (PolicyException e) {
      assertFalse(String.valueOf(e.getMessage()).isBlank(), "a refusal says why");
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyJsonLinesGiveARulingOrALineErrorForEachLine(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    StringWriter out = new StringWriter();
    List<LineError> errors = new ArrayList<>();

    BatchSummary summary = BATCH.ruleAll(new StringReader(text), out, errors::add);

    assertEquals(summary.ruled(), out.toString().lines().count(), "one ruling line per incident ruled on");
    assertEquals(summary.failed(), errors.size());
    long previous = 0;
    for (LineError error : errors) {
      assertTrue(error.line() > previous && error.line() <= summary.lines(), "errors in line order: " + error.line());
      assertFalse(error.problems().isEmpty());
      previous = error.line();
    }
  }
}
