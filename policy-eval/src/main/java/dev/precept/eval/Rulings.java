package dev.precept.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.Modality;
import dev.precept.model.PolicyException;
import java.io.IOException;

/** Rulings as JSON for machines and as a note for people. */
public final class Rulings {
  private Rulings() {}

  /**
   * The ruling as indented JSON: the same ruling always gives the same bytes (fields in a fixed
   * order, map keys sorted, no timestamps).
   */
  public static String toJson(Ruling ruling) {
    try {
      return EvalJson.mapper().writeValueAsString(ruling) + "\n";
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write the ruling as JSON", e);
    }
  }

  /**
   * Reads a ruling back from {@link #toJson(Ruling)}'s form.
   *
   * @throws PolicyException when the text is not a ruling
   */
  public static Ruling fromJson(String json) {
    try {
      return EvalJson.mapper().readValue(json, Ruling.class);
    } catch (IOException e) {
      throw new PolicyException("not a ruling: " + e.getMessage(), e);
    }
  }

  /**
   * The ruling as a note a governance officer would write: each clause quoted with its outcome
   * and reason, then what must happen, then what may.
   */
  public static String toText(Ruling ruling) {
    StringBuilder out = new StringBuilder();
    out.append("Ruling on incident ").append(ruling.incident()).append(" under ").append(ruling.policy())
        .append(" version ").append(ruling.version()).append(" (").append(ruling.digest()).append(")\n");
    if (!ruling.person().isEmpty()) {
      // Only the longest paths: every shorter one is a prefix of one of them.
      out.append("\nThe person: ");
      java.util.List<String> shown = new java.util.ArrayList<>();
      for (Ruling.Membership membership : ruling.person()) {
        boolean extended = ruling.person().stream().anyMatch(other -> other.path().size() > membership.path().size()
            && other.path().subList(0, membership.path().size()).equals(membership.path()));
        if (!extended) {
          shown.add(String.join(" -> ", membership.path()));
        }
      }
      out.append(String.join("; ", shown)).append("\n");
    }
    for (ClauseRuling clause : ruling.clauses()) {
      out.append("\n").append(clause.clause()).append(clause.origin().map(o -> " (" + o + ")").orElse("")).append(": ").append(clause.outcome().word().toUpperCase(java.util.Locale.ROOT)).append("\n");
      out.append(wrap("\"" + clause.quote().strip() + "\"", "  > ")).append("\n");
      out.append(wrap(clause.reason() + ".", "  ")).append("\n");
    }
    appendConsequences(out, ruling, Modality.MUST, "What must happen");
    appendConsequences(out, ruling, Modality.MAY, "What may happen");
    if (!ruling.unspecified().isEmpty()) {
      out.append("\nThe policy gives no consequence for this person's role for: ")
          .append(String.join(", ", ruling.unspecified())).append(" (unspecified: none is borrowed from another role).\n");
    }
    if (ruling.clauses().stream().noneMatch(c -> c.outcome() == Outcome.BREACHED || c.outcome() == Outcome.UNDETERMINED)) {
      out.append("\nNo breach: no consequence follows.\n");
    }
    if (!ruling.diagnostics().isEmpty()) {
      out.append("\nProblems with the incident:\n");
      ruling.diagnostics().forEach(d -> out.append("  - ").append(d).append("\n"));
    }
    return out.toString();
  }

  private static void appendConsequences(StringBuilder out, Ruling ruling, Modality modality, String heading) {
    boolean any = false;
    for (ConsequenceRuling consequence : ruling.consequences()) {
      if (consequence.modality() != modality) {
        continue;
      }
      if (!any) {
        out.append("\n").append(heading).append(":\n");
        any = true;
      }
      StringBuilder line = new StringBuilder("- ").append(consequence.statement());
      consequence.procedure().filter(p -> !consequence.statement().contains(p))
          .ifPresent(p -> line.append(" (under the ").append(p).append(")"));
      if (consequence.status() == ConsequenceRuling.Status.CONDITIONAL) {
        line.append(" Only if ").append(String.join(" and ", consequence.dependsOn())).append(".");
      }
      line.append(" [").append(consequence.consequence()).append(", from ").append(consequence.source()).append("]");
      out.append(wrap(line.toString(), "    ").substring(2)).append("\n");
    }
  }

  private static String wrap(String text, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split("\\s+")) {
      if (line.length() > indent.length() && line.length() + word.length() + 1 > 100) {
        out.append(line).append("\n");
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return out.append(line).toString();
  }
}
