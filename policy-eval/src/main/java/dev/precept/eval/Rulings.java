package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.Modality;
import dev.precept.model.PolicyException;
import java.io.IOException;
import java.util.Objects;

/** Rulings as JSON for machines and as a note for people. */
@API(status = API.Status.STABLE, since = "0.2")
public final class Rulings {
  private Rulings() {}

  /**
   * The ruling as indented JSON: the same ruling always gives the same bytes (fields in a fixed
   * order, map keys sorted, no timestamps).
   */
  public static String toJson(Ruling ruling) {
    Objects.requireNonNull(ruling, "Rulings.toJson needs a ruling (Evaluator.rule(incident)), not null");
    try {
      return EvalJson.mapper().writeValueAsString(ruling) + "\n";
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write the ruling as JSON", e);
    }
  }

  /**
   * The ruling as compact JSON, one line: {@link #toJson(Ruling)} without its indentation and final
   * newline (the same fields, in the same order), written in one pass, for logs and services.
   */
  public static String toCompactJson(Ruling ruling) {
    Objects.requireNonNull(ruling, "Rulings.toCompactJson needs a ruling (Evaluator.rule(incident)), not null");
    try (java.io.StringWriter text = new java.io.StringWriter(2048);
        com.fasterxml.jackson.core.JsonGenerator out = EvalJson.mapper().getFactory().createGenerator(text)) {
      dev.precept.eval.internal.RulingJsonWriter.write(ruling, out);
      out.flush();
      return text.toString();
    } catch (IOException e) {
      throw new PolicyException("could not write the ruling as JSON", e);
    }
  }

  /**
   * Reads a ruling back from {@link #toJson(Ruling)}'s form.
   *
   * @throws PolicyException when the text is not a ruling
   */
  public static Ruling fromJson(String json) {
    Objects.requireNonNull(json, "Rulings.fromJson needs the ruling's JSON text, not null");
    try {
      return EvalJson.mapper().readValue(json, Ruling.class);
    } catch (JsonProcessingException e) {
      throw new PolicyException("not a ruling: " + why(e), e);
    }
  }

  /** Why the text is not a ruling, with where: in the API's words, not the JSON library's. */
  private static String why(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    if (!(e instanceof JsonMappingException mapping)) {
      return "not valid JSON" + where;
    }
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference step : mapping.getPath()) {
      pointer.append('/').append(step.getFieldName() != null ? step.getFieldName() : Integer.toString(step.getIndex()));
    }
    Throwable cause = e.getCause();
    String what = cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().startsWith("Cannot build ")
        ? cause.getMessage().replaceFirst("^Cannot build (\\w+), some of required attributes are not set ",
            "a $1 lacks the fields ").replaceFirst("^Cannot build .*", "a part lacks a field it needs")
        : (pointer.length() == 0 ? "the text" : "the value at " + pointer) + " is not what a ruling holds there";
    return what + where;
  }

  /**
   * The ruling as a note a governance officer would write: each clause quoted with its outcome
   * and reason, then what must happen, then what may.
   */
  public static String toText(Ruling ruling) {
    Objects.requireNonNull(ruling, "Rulings.toText needs a ruling (Evaluator.rule(incident)), not null");
    return toText(ruling, id -> id);
  }

  /**
   * The ruling as a note for people, citing clauses by the paragraph numbers of the policy's
   * document ("paragraph 3.1(a)"), as the Board reads it; the JSON form keeps the clause ids.
   */
  public static String toText(Ruling ruling, dev.precept.model.Policy policy) {
    Objects.requireNonNull(ruling, "Rulings.toText needs a ruling (Evaluator.rule(incident)), not null");
    Objects.requireNonNull(policy, "Rulings.toText needs the policy the ruling was made under, not null");
    dev.precept.model.Numbering numbering = policy.numbering();
    return toText(ruling, id -> numbering.number(id).map(n -> "paragraph " + n).orElse(id));
  }

  private static String toText(Ruling ruling, java.util.function.UnaryOperator<String> cite) {
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
    for (Ruling.DeemedFact deemed : ruling.deemed()) {
      out.append(wrap("Deemed: " + deemed.fact() + " is " + deemed.value() + ", by " + clauseCitation(cite.apply(deemed.clause())) + ", because "
          + deemed.because() + deemed.recorded().map(r -> " (the incident recorded " + r + ")").orElse("") + ".", "")).append("\n");
    }
    for (ClauseRuling clause : ruling.clauses()) {
      out.append("\n").append(capitalise(cite.apply(clause.clause()))).append(clause.origin().map(o -> " (" + o + ")").orElse("")).append(": ").append(clause.outcome().word().toUpperCase(java.util.Locale.ROOT)).append("\n");
      String quote = clause.leadIn().map(l -> "\"" + l + " ... " + clause.quote().strip() + "\"")
          .orElse("\"" + clause.quote().strip() + "\"");
      out.append(wrap(quote, "  > ")).append("\n");
      out.append(wrap(clause.reason() + ".", "  ")).append("\n");
      for (StepCheck step : clause.duty()) {
        out.append(wrap("- " + step.step() + " (" + step.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + "): " + step.reason() + ".", "    ").substring(2)).append("\n");
      }
      if (clause.exceptions().size() > 1) {
        for (ExceptionRuling exception : clause.exceptions()) {
          out.append(wrap("- exception " + exception.id() + " (" + exception.result().name().toLowerCase(java.util.Locale.ROOT)
              .replace('_', ' ') + "): " + exception.reason() + ".", "    ").substring(2)).append("\n");
        }
      }
    }
    appendConsequences(out, ruling, Modality.MUST, ConsequenceRuling.Kind.SANCTION, "What must happen", cite);
    appendConsequences(out, ruling, Modality.MAY, ConsequenceRuling.Kind.SANCTION, "What may happen", cite);
    appendConsequences(out, ruling, Modality.MUST, ConsequenceRuling.Kind.REFERRAL, "Referrals that must be made (not sanctions of this policy)", cite);
    appendConsequences(out, ruling, Modality.MAY, ConsequenceRuling.Kind.REFERRAL, "Referrals that may be made (not sanctions of this policy)", cite);
    if (!ruling.noSanctionStated().isEmpty()) {
      out.append(wrap("This policy states no sanction of its own for: " + String.join(", ", ruling.noSanctionStated().stream().map(cite).toList())
          + "; it hands the matter on as above.", "")).append("\n");
    }
    if (!ruling.unspecified().isEmpty()) {
      out.append("\nThe policy gives no consequence for this person's role for: ")
          .append(String.join(", ", ruling.unspecified().stream().map(cite).toList())).append(" (unspecified: none is borrowed from another role).\n");
      for (Ruling.DeclaredSilence silence : ruling.silences()) {
        out.append(wrap("- " + cite.apply(silence.clause()) + ": silent on purpose (" + silence.silence() + "): " + silence.reason(), "    ")
            .substring(2)).append("\n");
      }
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

  private static void appendConsequences(StringBuilder out, Ruling ruling, Modality modality, ConsequenceRuling.Kind kind,
      String heading, java.util.function.UnaryOperator<String> cite) {
    boolean any = false;
    java.util.Set<String> shown = new java.util.HashSet<>();
    for (ConsequenceRuling consequence : ruling.consequences()) {
      if (consequence.modality() != modality || consequence.kind() != kind || shown.contains(consequence.consequence())) {
        continue;
      }
      if (!any) {
        out.append("\n").append(heading).append(":\n");
        any = true;
      }
      java.util.List<ConsequenceRuling> group = new java.util.ArrayList<>();
      group.add(consequence);
      for (String id : consequence.alternatives()) {
        ruling.consequence(id).filter(c -> c.modality() == modality && c.kind() == kind && !shown.contains(id)).ifPresent(group::add);
      }
      if (group.size() > 1) {
        out.append("- One of these, not more than one (they exclude each other):\n");
        for (ConsequenceRuling alternative : group) {
          shown.add(alternative.consequence());
          out.append(wrap("- " + line(alternative, ruling, cite), "      ").substring(2)).append("\n");
        }
      } else {
        shown.add(consequence.consequence());
        out.append(wrap("- " + line(consequence, ruling, cite), "    ").substring(2)).append("\n");
      }
    }
  }

  private static String line(ConsequenceRuling consequence, Ruling ruling, java.util.function.UnaryOperator<String> cite) {
    // With no office named, the breach is the subject: say which breach it is.
    String statement = consequence.actor().isPresent() || consequence.breaches().isEmpty() ? consequence.statement()
        : "The breach of " + String.join(" or ", consequence.breaches().stream().map(cite).toList()) + " "
            + consequence.modality().word() + " " + consequence.action().strip() + ".";
    StringBuilder line = new StringBuilder(statement);
    consequence.procedure().filter(p -> !consequence.statement().contains(p))
        .ifPresent(p -> line.append(" (under the ").append(p).append(")"));
    consequence.referral().filter(p -> !consequence.statement().contains(p))
        .ifPresent(p -> line.append(" (referred to the ").append(p).append(")"));
    if (consequence.status() == ConsequenceRuling.Status.CONDITIONAL) {
      line.append(" Only if ").append(String.join(" and ", consequence.dependsOn())).append(".");
    }
    if (!consequence.options().isEmpty()) {
      line.append(" Options open to the deciding body: ").append(String.join("; ", consequence.options()))
          .append(" (this ruling does not choose).");
    }
    if (!consequence.factors().isEmpty()) {
      java.util.List<String> factors = new java.util.ArrayList<>();
      for (ConsequenceRuling.FactorValue factor : consequence.factors()) {
        factors.add(factor.fact() + " (" + factor.value().orElse("not recorded") + ")");
      }
      line.append(" Factors to weigh: ").append(String.join(", ", factors)).append(".");
    }
    consequence.step().ifPresent(step -> {
      if (step.current()) {
        line.append(" This is the current step.");
      }
      step.outcome().ifPresent(o -> line.append(" This step ended: ").append(o).append("."));
      java.util.List<String> next = new java.util.ArrayList<>();
      for (StepRuling.Next outcome : step.next()) {
        java.util.List<String> what = new java.util.ArrayList<>();
        for (String id : outcome.consequences()) {
          what.add(ruling.consequence(id).map(c -> c.statement().replaceAll("\\.$", "") + " [" + id + "]").orElse(id));
        }
        next.add("if " + outcome.outcome() + ": " + (what.isEmpty() ? "nothing further is stated for this person" : String.join("; ", what)));
      }
      line.append(" Next: ").append(String.join("; ", next)).append(".");
    });
    line.append(" [").append(consequence.consequence()).append(", from ").append(cite.apply(consequence.source())).append("]");
    return line.toString();
  }

  /** "paragraph 3.4" as given, or "clause some.id" where no paragraph number is known. */
  private static String clauseCitation(String cited) {
    return cited.startsWith("paragraph ") ? cited : "clause " + cited;
  }

  private static String capitalise(String text) {
    return text.startsWith("paragraph ") ? "P" + text.substring(1) : text;
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
