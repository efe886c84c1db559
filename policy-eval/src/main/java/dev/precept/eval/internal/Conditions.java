package dev.precept.eval.internal;

import dev.precept.eval.CollectiveDecision;
import dev.precept.eval.ConditionCheck;
import dev.precept.model.Condition;
import dev.precept.model.Wording;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates conditions in three values (satisfied, defeated, unknown): a test of one fact, attribute
 * or decision, or {@code all}, {@code any} and {@code not} over others.
 */
final class Conditions {
  private Conditions() {}

  /** What a condition is evaluated against. */
  interface Values {
    /** The fact's value (recorded or deemed), or null. */
    String fact(String id);

    /** The clause that deemed the fact, or null. */
    String deemedBy(String id);

    /** The person's attribute value, or null. */
    String attribute(String id);

    /** The decision recorded, or null. */
    CollectiveDecision decision(String id);

    /** The incident's date, or null. */
    LocalDate incidentDate();
  }

  /** Nothing recorded: what a condition is checked against when it is compiled. */
  static final Values NOTHING = new Values() {
    @Override
    public String fact(String id) {
      return null;
    }

    @Override
    public String deemedBy(String id) {
      return null;
    }

    @Override
    public String attribute(String id) {
      return null;
    }

    @Override
    public CollectiveDecision decision(String id) {
      return null;
    }

    @Override
    public LocalDate incidentDate() {
      return null;
    }
  };

  /**
   * The checks of one condition of the policy that do not depend on the incident, built once when
   * the policy is compiled and shared by every ruling: the check when nothing it tests is recorded,
   * and, for an {@code is} / {@code in} test, the check for each value it can meet.
   */
  static final class Shared {
    final ConditionCheck unknown;
    final java.util.Map<String, ConditionCheck> byValue;

    Shared(ConditionCheck unknown, java.util.Map<String, ConditionCheck> byValue) {
      this.unknown = unknown;
      this.byValue = byValue;
    }
  }

  /**
   * What a list of conditions tests (nested ones included): facts, attributes and decisions. When
   * an incident records none of them, every check is the shared "unknown" one, so the checks need
   * not be worked out.
   */
  static final class Subjects {
    private final String[] facts;
    private final String[] attributes;
    private final String[] decisions;

    private Subjects(List<String> facts, List<String> attributes, List<String> decisions) {
      this.facts = facts.toArray(String[]::new);
      this.attributes = attributes.toArray(String[]::new);
      this.decisions = decisions.toArray(String[]::new);
    }

    /** These facts as subjects. */
    static Subjects facts(List<String> facts) {
      return new Subjects(facts, List.of(), List.of());
    }

    /** Whether the values give none of the subjects a value. */
    boolean noneIn(Values values) {
      for (String fact : facts) {
        if (values.fact(fact) != null) {
          return false;
        }
      }
      for (String attribute : attributes) {
        if (values.attribute(attribute) != null) {
          return false;
        }
      }
      for (String decision : decisions) {
        if (values.decision(decision) != null) {
          return false;
        }
      }
      return true;
    }
  }

  /** The subjects of these conditions. */
  static Subjects subjects(List<Condition> conditions) {
    List<String> facts = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    for (Condition condition : conditions) {
      collect(condition, facts, attributes, decisions);
    }
    return new Subjects(facts, attributes, decisions);
  }

  private static void collect(Condition condition, List<String> facts, List<String> attributes, List<String> decisions) {
    condition.all().forEach(c -> collect(c, facts, attributes, decisions));
    condition.any().forEach(c -> collect(c, facts, attributes, decisions));
    condition.not().ifPresent(c -> collect(c, facts, attributes, decisions));
    condition.fact().filter(f -> !facts.contains(f)).ifPresent(facts::add);
    condition.attribute().filter(a -> !attributes.contains(a)).ifPresent(attributes::add);
    condition.decision().filter(d -> !decisions.contains(d)).ifPresent(decisions::add);
  }

  /** The shared checks of a condition and of every condition inside it, innermost first. */
  static void share(Condition condition, CompiledPolicy compiled) {
    if (compiled.sharedChecks.containsKey(condition)) {
      return;
    }
    condition.all().forEach(c -> share(c, compiled));
    condition.any().forEach(c -> share(c, compiled));
    condition.not().ifPresent(c -> share(c, compiled));
    ConditionCheck unknown = build(condition, NOTHING, compiled);
    java.util.Map<String, ConditionCheck> byValue = null;
    if (condition.isMembership() && condition.decision().isEmpty()) {
      java.util.Set<String> known = new java.util.LinkedHashSet<>(condition.values());
      FactType type;
      if (condition.fact().isPresent()) {
        Fact fact = compiled.facts.get(condition.fact().get());
        type = fact == null ? FactType.STRING : fact.type();
        if (fact != null) {
          known.addAll(fact.values());
        }
      } else {
        type = compiled.attributeTypes.getOrDefault(condition.attribute().orElseThrow(), FactType.STRING);
      }
      if (type == FactType.BOOLEAN) {
        known.add("true");
        known.add("false");
      }
      byValue = new java.util.HashMap<>();
      for (String value : known) {
        byValue.put(value, build(condition, only(condition, value), compiled));
      }
    }
    compiled.sharedChecks.put(condition, new Shared(unknown, byValue));
    compiled.checkTexts.put(unknown, describe(unknown));
    if (byValue != null) {
      byValue.values().forEach(check -> compiled.checkTexts.put(check, describe(check)));
    }
  }

  /** {@link #describe(ConditionCheck)}, looked up for a shared check (the text depends on the condition only). */
  static String describe(ConditionCheck check, CompiledPolicy compiled) {
    String text = compiled.checkTexts.get(check);
    return text != null ? text : describe(check);
  }

  /** Values where only the fact or attribute a leaf tests is recorded, with this value. */
  private static Values only(Condition leaf, String value) {
    String fact = leaf.fact().orElse(null);
    String attribute = leaf.attribute().orElse(null);
    return new Values() {
      @Override
      public String fact(String id) {
        return id.equals(fact) ? value : null;
      }

      @Override
      public String deemedBy(String id) {
        return null;
      }

      @Override
      public String attribute(String id) {
        return id.equals(attribute) ? value : null;
      }

      @Override
      public CollectiveDecision decision(String id) {
        return null;
      }

      @Override
      public LocalDate incidentDate() {
        return null;
      }
    };
  }

  /**
   * The check of a condition: a shared check (built when the policy was compiled) whenever the
   * incident's values give the same check, otherwise a new one.
   */
  static ConditionCheck check(Condition condition, Values values, CompiledPolicy compiled) {
    Shared shared = compiled.sharedChecks.get(condition);
    if (shared == null) {
      return build(condition, values, compiled);
    }
    if (condition.decision().isPresent()) {
      return values.decision(condition.decision().get()) == null ? shared.unknown : build(condition, values, compiled);
    }
    if (condition.isComposite()) {
      return build(condition, values, compiled);
    }
    String actual;
    if (condition.fact().isPresent()) {
      String fact = condition.fact().get();
      actual = values.fact(fact);
      if (actual != null && values.deemedBy(fact) != null) {
        return build(condition, values, compiled);
      }
    } else {
      actual = values.attribute(condition.attribute().orElseThrow());
    }
    if (actual == null) {
      return shared.unknown;
    }
    if (shared.byValue != null) {
      ConditionCheck known = shared.byValue.get(actual);
      if (known != null) {
        return known;
      }
    }
    return build(condition, values, compiled);
  }

  private static ConditionCheck build(Condition condition, Values values, CompiledPolicy compiled) {
    if (!condition.all().isEmpty() || !condition.any().isEmpty()) {
      boolean all = !condition.all().isEmpty();
      List<Condition> inner = all ? condition.all() : condition.any();
      Shared shared = compiled.sharedChecks.get(condition);
      // The list of parts is made only once a part differs from the shared check's.
      List<ConditionCheck> parts = shared == null ? new ArrayList<>(inner.size()) : null;
      boolean anyDefeated = false;
      boolean anySatisfied = false;
      boolean anyUnknown = false;
      for (int i = 0; i < inner.size(); i++) {
        ConditionCheck check = check(inner.get(i), values, compiled);
        if (parts == null && check != shared.unknown.parts().get(i)) {
          parts = new ArrayList<>(inner.size());
          parts.addAll(shared.unknown.parts().subList(0, i));
        }
        if (parts != null) {
          parts.add(check);
        }
        anyDefeated |= check.result() == ConditionCheck.Result.DEFEATED;
        anySatisfied |= check.result() == ConditionCheck.Result.SATISFIED;
        anyUnknown |= check.result() == ConditionCheck.Result.UNKNOWN;
      }
      ConditionCheck.Result result = all
          ? (anyDefeated ? ConditionCheck.Result.DEFEATED : anyUnknown ? ConditionCheck.Result.UNKNOWN : ConditionCheck.Result.SATISFIED)
          : (anySatisfied ? ConditionCheck.Result.SATISFIED : anyUnknown ? ConditionCheck.Result.UNKNOWN : ConditionCheck.Result.DEFEATED);
      if (parts == null) {
        return shared.unknown;
      }
      return ConditionCheck.builder().subject(all ? "all" : "any").result(result).parts(parts).build();
    }
    if (condition.not().isPresent()) {
      ConditionCheck inner = check(condition.not().get(), values, compiled);
      Shared shared = compiled.sharedChecks.get(condition);
      if (shared != null && inner == shared.unknown.parts().get(0)) {
        return shared.unknown;
      }
      ConditionCheck.Result result = inner.result() == ConditionCheck.Result.SATISFIED ? ConditionCheck.Result.DEFEATED
          : inner.result() == ConditionCheck.Result.DEFEATED ? ConditionCheck.Result.SATISFIED : ConditionCheck.Result.UNKNOWN;
      return ConditionCheck.builder().subject("not").result(result).addParts(inner).build();
    }
    if (condition.decision().isPresent()) {
      return decision(condition, values, compiled);
    }
    String subject;
    String actual;
    FactType type;
    ConditionCheck.Builder check = ConditionCheck.builder();
    if (condition.fact().isPresent()) {
      subject = condition.fact().get();
      actual = values.fact(subject);
      Fact fact = compiled.facts.get(subject);
      type = fact == null ? FactType.STRING : fact.type();
      check.deemedBy(Optional.ofNullable(values.deemedBy(subject)));
    } else {
      String id = condition.attribute().orElseThrow();
      subject = "attribute " + id;
      actual = values.attribute(id);
      type = compiled.attributeTypes.getOrDefault(id, FactType.STRING);
    }
    check.subject(subject).actual(Optional.ofNullable(actual));
    if (condition.isMembership()) {
      check.expected(condition.values());
      return check.result(actual == null ? ConditionCheck.Result.UNKNOWN
          : condition.values().contains(actual) ? ConditionCheck.Result.SATISFIED : ConditionCheck.Result.DEFEATED).build();
    }
    check.addExpected(expectation(condition));
    if (actual == null) {
      return check.result(ConditionCheck.Result.UNKNOWN).build();
    }
    Boolean holds = compare(condition, actual, type, values.incidentDate());
    if (holds == null) {
      return check.result(ConditionCheck.Result.UNKNOWN).detail("the incident does not record its date, which the test needs").build();
    }
    return check.result(holds ? ConditionCheck.Result.SATISFIED : ConditionCheck.Result.DEFEATED).build();
  }

  private static ConditionCheck decision(Condition condition, Values values, CompiledPolicy compiled) {
    String id = condition.decision().get();
    ConditionCheck.Builder check = ConditionCheck.builder().subject("decision " + id)
        .addExpected(expectation(condition));
    CollectiveDecision decision = values.decision(id);
    if (decision == null) {
      return check.result(ConditionCheck.Result.UNKNOWN).build();
    }
    check.actual(decision.describe());
    Fact fact = compiled.facts.get(id);
    String body = fact == null ? null : fact.body().flatMap(compiled.policy::office).map(o -> o.title()).orElse(null);
    String who = body == null ? "the body" : "the " + body;
    if (fact != null && fact.quorum().isPresent() && decision.present() < fact.quorum().get()) {
      return check.result(ConditionCheck.Result.DEFEATED)
          .detail(String.format(Locale.ROOT, "not carried: only %d of the %d members of %s took part, and the quorum is %d",
              decision.present(), decision.members(), who, fact.quorum().get()))
          .build();
    }
    boolean carried;
    String detail;
    String votes = decision.votesFor() + " for to " + decision.votesAgainst() + " against"
        + (decision.abstained() == 0 ? "" : " with " + decision.abstained() + " abstaining");
    if (condition.atLeast().isPresent()) {
      long needed = Long.parseLong(condition.atLeast().get());
      carried = decision.votesFor() >= needed;
      detail = String.format(Locale.ROOT, "%s, %s; at least %d of the %d members of %s had to agree%s",
          carried ? "carried" : "not carried", votes, needed, decision.members(), who,
          carried ? "" : ", " + (needed - decision.votesFor()) + " short");
    } else if (condition.carried().orElse("").equals("unanimous")) {
      carried = decision.votesFor() > 0 && decision.votesAgainst() == 0 && decision.abstained() == 0;
      detail = String.format(Locale.ROOT, "%s, %s, of the %d members of %s who took part",
          carried ? "carried unanimously" : "not unanimous", votes, decision.present(), who);
    } else {
      int needed = decision.members() / 2 + 1;
      carried = decision.votesFor() >= needed;
      detail = String.format(Locale.ROOT, "%s, %s; a majority of the %d members of %s is %d%s",
          carried ? "carried" : "not carried", votes, decision.members(), who, needed,
          carried ? "" : ", " + (needed - decision.votesFor()) + " short");
    }
    return check.result(carried ? ConditionCheck.Result.SATISFIED : ConditionCheck.Result.DEFEATED).detail(detail).build();
  }

  /** The test in words, to follow "is": "at least 2", "within P12M before the incident date". */
  static String expectation(Condition condition) {
    return Wording.test(condition, value -> value);
  }

  /** Whether a comparison holds; null when it needs the incident date and there is none. */
  private static Boolean compare(Condition condition, String actual, FactType type, LocalDate incidentDate) {
    try {
      if (type == FactType.DATE) {
        LocalDate value = LocalDate.parse(actual);
        if (condition.within().isPresent()) {
          if (incidentDate == null) {
            return null;
          }
          return !value.isAfter(incidentDate) && !value.isBefore(incidentDate.minus(Period.parse(condition.within().get())));
        }
        List<LocalDate> bounds = new ArrayList<>();
        for (String bound : bounds(condition)) {
          if (bound.equals(Condition.INCIDENT_DATE)) {
            if (incidentDate == null) {
              return null;
            }
            bounds.add(incidentDate);
          } else {
            bounds.add(LocalDate.parse(bound));
          }
        }
        int first = value.compareTo(bounds.get(0));
        return holds(condition, first, bounds.size() > 1 ? value.compareTo(bounds.get(1)) : 0);
      }
      long value = Long.parseLong(actual);
      List<String> bounds = bounds(condition);
      int first = Long.compare(value, Long.parseLong(bounds.get(0)));
      return holds(condition, first, bounds.size() > 1 ? Long.compare(value, Long.parseLong(bounds.get(1))) : 0);
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  private static List<String> bounds(Condition condition) {
    if (!condition.between().isEmpty()) {
      return condition.between();
    }
    return List.of(condition.atLeast().or(condition::atMost).or(condition::moreThan).or(condition::lessThan)
        .or(condition::before).or(condition::after).orElseThrow());
  }

  private static boolean holds(Condition condition, int first, int second) {
    if (condition.atLeast().isPresent()) {
      return first >= 0;
    }
    if (condition.atMost().isPresent()) {
      return first <= 0;
    }
    if (condition.moreThan().isPresent() || condition.after().isPresent()) {
      return first > 0;
    }
    if (condition.lessThan().isPresent() || condition.before().isPresent()) {
      return first < 0;
    }
    return first >= 0 && second <= 0;
  }

  /** A condition in words, before any incident: "investigation-finding is gross-misconduct", "any of (...)". */
  static String describe(Condition condition) {
    if (!condition.all().isEmpty()) {
      return "all of (" + String.join("; ", condition.all().stream().map(Conditions::describe).toList()) + ")";
    }
    if (!condition.any().isEmpty()) {
      return "any of (" + String.join("; or ", condition.any().stream().map(Conditions::describe).toList()) + ")";
    }
    if (condition.not().isPresent()) {
      return "not (" + describe(condition.not().get()) + ")";
    }
    String subject = condition.fact().orElseGet(() -> condition.attribute().map(a -> "attribute " + a)
        .orElseGet(() -> "decision " + condition.decision().orElseThrow()));
    return subject + " is " + expectation(condition);
  }

  /** A check in words: "investigation-finding is gross-misconduct", "any of (a is x; or b is y)". */
  static String describe(ConditionCheck check) {
    if (check.subject().equals("all") || check.subject().equals("any")) {
      String joiner = check.subject().equals("all") ? "; " : "; or ";
      return check.subject() + " of (" + String.join(joiner, check.parts().stream().map(Conditions::describe).toList()) + ")";
    }
    if (check.subject().equals("not") && !check.parts().isEmpty()) {
      return "not (" + describe(check.parts().get(0)) + ")";
    }
    return check.expected().size() == 1
        ? check.subject() + " is " + check.expected().get(0)
        : check.subject() + " is one of " + String.join(", ", check.expected());
  }

  /** What the incident records for the subjects of a check: "b" or "a: x, b: y" for a composite. */
  static String recorded(ConditionCheck check) {
    if (!check.parts().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (ConditionCheck part : check.parts()) {
        parts.add(part.parts().isEmpty() ? part.subject() + " " + part.actual().orElse("unrecorded") : recorded(part));
      }
      return String.join(", ", parts);
    }
    String value = check.actual().orElse("?");
    if (check.deemedBy().isPresent()) {
      value += " (deemed, by clause " + check.deemedBy().get() + ")";
    }
    if (check.detail().isPresent()) {
      value += " (" + check.detail().get() + ")";
    }
    return value;
  }

  /** The subjects whose values would decide an unknown check, in order. */
  static void unknownSubjects(ConditionCheck check, List<String> out) {
    if (check.result() != ConditionCheck.Result.UNKNOWN) {
      return;
    }
    if (check.parts().isEmpty()) {
      String subject = check.detail().isPresent() ? "the incident's date" : check.subject();
      if (!out.contains(subject)) {
        out.add(subject);
      }
      return;
    }
    for (ConditionCheck part : check.parts()) {
      unknownSubjects(part, out);
    }
  }
}
