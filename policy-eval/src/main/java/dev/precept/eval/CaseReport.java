package dev.precept.eval;

import org.apiguardian.api.API;

import java.util.List;
import org.immutables.value.Value;

/** The results of a policy's cases and what they leave unexercised. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface CaseReport {
  /** A new builder of {@link CaseReport}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CaseReport}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableCaseReport.Builder {
    Builder() {}
  }

  /** One result per case, in file order. */
  List<CaseResult> results();

  /** Clauses no case concerns. */
  List<String> clausesNotExercised();

  /** Exceptions that excuse the conduct in no case. */
  List<String> exceptionsNotExercised();

  /** Consequences that appear in no case's ruling. */
  List<String> consequencesNotExercised();

  /** Whether every case passed. */
  default boolean passed() {
    return results().stream().allMatch(CaseResult::passed);
  }

  /** How many cases failed. */
  default long failures() {
    return results().stream().filter(r -> !r.passed()).count();
  }

  /** The report for people: a line per case, a diff per failure, then coverage. */
  default String toText() {
    StringBuilder out = new StringBuilder();
    for (CaseResult result : results()) {
      out.append(result.passed() ? "PASS  " : "FAIL  ").append(result.policyCase().name())
          .append("  (").append(result.policyCase().location()).append(")\n");
      for (String line : result.differences()) {
        out.append("        ").append(line).append("\n");
      }
    }
    out.append("\n").append(results().size() - failures()).append(" passed, ").append(failures()).append(" failed\n");
    out.append("\nCoverage:\n");
    coverage(out, "clauses no case concerns", clausesNotExercised());
    coverage(out, "exceptions no case meets", exceptionsNotExercised());
    coverage(out, "consequences no case reaches", consequencesNotExercised());
    return out.toString();
  }

  private static void coverage(StringBuilder out, String what, List<String> ids) {
    out.append("  ").append(what).append(": ");
    out.append(ids.isEmpty() ? "none" : ids.size() + " (" + String.join(", ", ids) + ")").append("\n");
  }
}
