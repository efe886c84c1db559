package dev.precept.render.internal;

import dev.precept.model.Attribute;
import dev.precept.model.Clause;
import dev.precept.model.Condition;
import dev.precept.model.Wording;
import dev.precept.model.Consequence;
import dev.precept.model.Deeming;
import dev.precept.model.DutyStep;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.Silence;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule language's constructs in the Board's words, printed under the paragraph that states
 * them: what a paragraph deems, a duty's steps in order and time, consequences with options and
 * factors, referrals, staged consequences, decisions of bodies, several acting offices, and where
 * the policy is silent on purpose. A plain consequence ("may be dismissed") is said by the
 * paragraph's own text and gets no line. Lines are plain text, escaped by the caller.
 */
final class Provisions {
  private final Policy policy;
  private final java.util.Map<String, List<Consequence>> byClause = new java.util.HashMap<>();

  Provisions(Policy policy) {
    this.policy = policy;
    for (Consequence consequence : policy.consequences()) {
      if (consequence.after().isEmpty() && special(consequence)) {
        byClause.computeIfAbsent(consequence.clause(), k -> new ArrayList<>()).add(consequence);
      }
    }
  }

  /** The lines for one paragraph or list item, in the order deemings, duty, consequences, silences. */
  List<String> of(Clause clause) {
    List<String> lines = new ArrayList<>();
    for (Deeming deeming : clause.deems()) {
      lines.add("Deemed by this paragraph: " + factWords(deeming.fact()) + " is taken as " + value(deeming.fact(), deeming.is())
          + " when " + condition(deeming.when()) + ", whatever the incident says.");
    }
    if (clause.when().stream().anyMatch(Provisions::hasDecision)) {
      lines.add("This paragraph applies only when " + conditions(clause.when()) + ".");
    }
    if (!clause.duty().isEmpty()) {
      lines.add(duty(clause.duty()));
    }
    for (Consequence consequence : byClause.getOrDefault(clause.id(), List.of())) {
      lines.add(consequenceLine(consequence));
    }
    for (Silence silence : policy.silent()) {
      if (silence.clause().filter(clause.id()::equals).isPresent()) {
        lines.add(silenceLine(silence));
      }
    }
    return lines;
  }

  /** Declared silences that no clause states, for a closing note. */
  List<String> unattachedSilences() {
    return policy.silent().stream().filter(s -> s.clause().isEmpty() || policy.clause(s.clause().get()).isEmpty())
        .map(this::silenceLine).toList();
  }

  private static boolean special(Consequence consequence) {
    return !consequence.options().isEmpty() || !consequence.factors().isEmpty() || consequence.isReferral()
        || !consequence.outcomes().isEmpty() || consequence.actingOffices().size() > 1
        || consequence.when().stream().anyMatch(Provisions::hasDecision);
  }

  private static boolean hasDecision(Condition condition) {
    return condition.flatten().stream().anyMatch(c -> c.decision().isPresent());
  }

  private String duty(List<DutyStep> steps) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      DutyStep step = steps.get(i);
      StringBuilder part = new StringBuilder("(" + (i + 1) + ") " + step.text().strip());
      step.within().ifPresent(limit -> part.append(", within ").append(duration(limit)).append(" of the incident"));
      if (step.optional()) {
        part.append(", if at all");
      }
      if (!step.after().isEmpty()) {
        List<String> before = new ArrayList<>();
        for (String id : step.after()) {
          for (int j = 0; j < steps.size(); j++) {
            if (steps.get(j).id().equals(id)) {
              before.add("(" + (j + 1) + ")");
            }
          }
        }
        part.append(", only after ").append(before.size() == 1 ? "step " : "steps ").append(joined(before, " and "));
      }
      parts.add(part.toString());
    }
    return "Steps, in order and in time: " + String.join("; ", parts) + ".";
  }

  private String consequenceLine(Consequence consequence) {
    String staged = consequence.outcomes().isEmpty() ? "" : ", in stages: first, ";
    return "For " + roles(consequence.appliesTo()) + (staged.isEmpty() ? ": " : staged) + statement(consequence)
        + stages(consequence, new java.util.HashSet<>()) + ".";
  }

  /** What a consequence says: who acts, must or may, what; the options and factors; a referral; its conditions. */
  private String statement(Consequence consequence) {
    List<String> offices = consequence.actingOffices().stream()
        .map(id -> Office.withArticle(policy.office(id).map(Office::title).orElse(id))).toList();
    boolean jointly = offices.size() > 1 && consequence.jointly();
    String subject = offices.isEmpty() ? "the breach"
        : offices.size() == 1 ? offices.get(0) : joined(offices, jointly ? " and " : " or ");
    StringBuilder text = new StringBuilder(subject + " " + consequence.modality().word() + (jointly ? " jointly " : " ")
        + consequence.action().strip());
    if (!consequence.options().isEmpty()) {
      text.append(", choosing from: ").append(String.join(", ", consequence.options()));
    }
    if (!consequence.factors().isEmpty()) {
      text.append(consequence.options().isEmpty() ? ", " : "; ").append("weighed by: ")
          .append(String.join(", ", consequence.factors().stream().map(Provisions::words).toList()));
    }
    consequence.referTo().ifPresent(to -> text.append(" (referred to: ").append(referral(to))
        .append("; a referral, not a sanction of this policy)"));
    if (!consequence.when().isEmpty()) {
      text.append(", only if ").append(conditions(consequence.when()));
    }
    return text.toString();
  }

  /** "; if refused: ...; if removed: nothing further is stated", following each outcome of a step. */
  private String stages(Consequence step, java.util.Set<String> seen) {
    StringBuilder text = new StringBuilder();
    if (!seen.add(step.id())) {
      // A policy built in Java without validation may chain steps in a circle: say each once.
      return text.toString();
    }
    for (String outcome : step.outcomes()) {
      List<Consequence> next = policy.consequences().stream()
          .filter(c -> c.after().filter(a -> a.step().equals(step.id()) && a.outcome().equals(outcome)).isPresent()).toList();
      text.append("; if ").append(outcome).append(": ");
      if (next.isEmpty()) {
        text.append("nothing further is stated");
      }
      for (int i = 0; i < next.size(); i++) {
        Consequence following = next.get(i);
        if (i > 0) {
          text.append(", and ");
        }
        if (!following.appliesTo().equals(step.appliesTo())) {
          text.append("for ").append(roles(following.appliesTo())).append(", ");
        }
        text.append(statement(following));
        String then = following.outcomes().isEmpty() ? "" : stages(following, seen);
        if (!then.isEmpty()) {
          text.append(" (then ").append(then.substring(2)).append(")");
        }
      }
    }
    return text.toString();
  }

  private String referral(String to) {
    return policy.instrument(to).map(i -> i.title())
        .orElseGet(() -> Office.withArticle(policy.office(to).map(Office::title).orElse(to)));
  }

  private String silenceLine(Silence silence) {
    String breaches = silence.categories().isEmpty() ? "any breach"
        : "a breach of " + joined(silence.categories().stream()
            .map(c -> policy.breachCategory(c).map(b -> b.title()).orElse(c)).toList(), " or ");
    return "No consequence is stated here for " + roles(silence.appliesTo()) + " for " + breaches + ", on purpose: "
        + silence.reason().strip() + ".";
  }

  private String conditions(List<Condition> conditions) {
    return joined(conditions.stream().map(c -> c.isComposite() && conditions.size() > 1 ? "(" + condition(c) + ")" : condition(c))
        .toList(), " and ");
  }

  /** A condition as the Board reads it: the question and its answer, a decision and how it was carried. */
  private String condition(Condition condition) {
    if (!condition.all().isEmpty()) {
      return joined(condition.all().stream().map(this::nested).toList(), " and ");
    }
    if (!condition.any().isEmpty()) {
      return condition.any().size() == 1 ? condition(condition.any().get(0))
          : "either " + joined(condition.any().stream().map(this::nested).toList(), " or ");
    }
    if (condition.not().isPresent()) {
      return "not: " + nested(condition.not().get());
    }
    if (condition.decision().isPresent()) {
      return decision(condition);
    }
    String subject = condition.fact().map(this::factWords)
        .orElseGet(() -> attributeWords(condition.attribute().orElseThrow()));
    return subject + " is " + expectation(condition);
  }

  private String nested(Condition condition) {
    return condition.isComposite() ? "(" + condition(condition) + ")" : condition(condition);
  }

  private String decision(Condition condition) {
    String id = condition.decision().orElseThrow();
    Optional<Fact> fact = policy.fact(id);
    String body = fact.flatMap(Fact::body).map(b -> Office.withArticle(policy.office(b).map(Office::title).orElse(b)))
        .orElse("the body deciding");
    String question = fact.map(Fact::description).map(d -> "\u201c" + d.strip() + "\u201d").orElse(words(id));
    String how = condition.carried().map(c -> c.equals("unanimous") ? "unanimously" : "by a majority of its members")
        .orElseGet(() -> condition.atLeast().map(n -> "with at least " + n + " votes for").orElse("as recorded"));
    String quorum = fact.flatMap(Fact::quorum).map(q -> ", at least " + q + " members taking part").orElse("");
    return body + " answer " + question + " yes " + how + quorum;
  }

  private String factWords(String id) {
    return policy.fact(id).map(Fact::description).map(Provisions::question).orElse(words(id));
  }

  private String attributeWords(String id) {
    return policy.attributes().stream().filter(a -> a.id().equals(id)).findFirst().map(Attribute::description)
        .map(Provisions::question).orElse("the person's " + words(id));
  }

  private static String question(String description) {
    return "the answer to \u201c" + description.strip() + "\u201d";
  }

  private String value(String factId, String value) {
    boolean yesNo = policy.fact(factId).map(f -> f.type() == FactType.BOOLEAN).orElse(false);
    return yesNo ? yesNo(value) : value;
  }

  private static String yesNo(String value) {
    return value.equals("true") ? "yes" : value.equals("false") ? "no" : value;
  }

  /** The test in words, to follow "is": "yes", "one of a, b", "at least 2", "within 12 months before the incident date". */
  private static String expectation(Condition condition) {
    return Wording.test(condition, Provisions::yesNo);
  }

  private static String duration(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes % 60 != 0) {
      return minutes + " minutes";
    }
    long hours = minutes / 60;
    if (hours >= 48 && hours % 24 == 0) {
      return hours / 24 + " days";
    }
    return hours + (hours == 1 ? " hour" : " hours");
  }

  private String roles(List<String> ids) {
    return joined(ids.stream().map(id -> policy.role(id).map(r -> r.title())
        .or(() -> policy.group(id).map(g -> g.title())).orElse(id)).toList(), " and ");
  }

  /** "a, b and c". */
  private static String joined(List<String> parts, String last) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
  }

  /** An id as words: "previous-incidents" is "previous incidents". */
  private static String words(String id) {
    return id.replace('-', ' ').replace('.', ' ');
  }
}
