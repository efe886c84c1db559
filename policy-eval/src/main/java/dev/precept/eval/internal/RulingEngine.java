package dev.precept.eval.internal;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConditionCheck;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.ImmutableClauseRuling;
import dev.precept.eval.ImmutableConditionCheck;
import dev.precept.eval.ImmutableConsequenceRuling;
import dev.precept.eval.ImmutableMembership;
import dev.precept.eval.ImmutableRuling;
import dev.precept.eval.Incident;
import dev.precept.eval.Outcome;
import dev.precept.eval.Permission;
import dev.precept.eval.Ruling;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.PermissionTiming;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rules on one incident against a compiled policy. Stateless apart from the policy: thread-safe. */
public final class RulingEngine {
  private final CompiledPolicy compiled;

  /** An engine for this compiled policy. */
  public RulingEngine(CompiledPolicy compiled) {
    this.compiled = compiled;
  }

  /** The ruling on an incident. */
  public Ruling rule(Incident incident) {
    List<String> diagnostics = new ArrayList<>();
    Map<String, List<String>> members = memberships(incident, diagnostics);
    Map<String, String> attributes = attributes(incident, diagnostics);
    checkFacts(incident, diagnostics);

    BitSet concerned = new BitSet();
    for (String id : incident.clauses()) {
      Integer order = compiled.documentOrder.get(id);
      if (order == null) {
        diagnostics.add("unknown clause '" + id + "': not in policy " + compiled.policy.id());
        continue;
      }
      concerned.set(order);
    }
    for (String category : incident.categories()) {
      if (!compiled.categories.contains(category)) {
        diagnostics.add("unknown breach category '" + category + "'");
        continue;
      }
      for (Clause clause : compiled.rulesIn(category)) {
        concerned.set(compiled.documentOrder.get(clause.id()));
      }
    }

    List<ClauseRuling> clauseRulings = new ArrayList<>(concerned.cardinality());
    for (int order = concerned.nextSetBit(0); order >= 0; order = concerned.nextSetBit(order + 1)) {
      clauseRulings.add(ruleOnClause(compiled.inDocumentOrder.get(order), incident, members, attributes));
    }
    List<ConsequenceRuling> consequences = new ArrayList<>();
    List<String> unspecified = new ArrayList<>();
    consequences(clauseRulings, incident, members, attributes, consequences, unspecified);

    ImmutableRuling.Builder ruling = ImmutableRuling.builder()
        .policy(compiled.policy.id())
        .version(compiled.policy.metadata().version())
        .digest(compiled.digest)
        .incident(incident.id())
        .clauses(clauseRulings)
        .consequences(consequences)
        .unspecified(unspecified)
        .diagnostics(diagnostics);
    if (incident.person().roles().size() == 1 && compiled.memberships.containsKey(incident.person().roles().get(0))) {
      ruling.person(compiled.memberships.get(incident.person().roles().get(0)));
    } else {
      members.forEach((id, path) -> ruling.addPerson(ImmutableMembership.of(id, path)));
    }
    return ruling.build();
  }

  private Map<String, List<String>> memberships(Incident incident, List<String> diagnostics) {
    if (incident.person().roles().size() == 1) {
      String role = incident.person().roles().get(0);
      Map<String, List<String>> reach = compiled.reachOf(role);
      if (reach.isEmpty()) {
        diagnostics.add("unknown role '" + role + "': the person is in no role of this policy");
      }
      return reach;
    }
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (String role : incident.person().roles()) {
      Map<String, List<String>> reach = compiled.reachOf(role);
      if (reach.isEmpty()) {
        diagnostics.add("unknown role '" + role + "'");
      }
      reach.forEach(members::putIfAbsent);
    }
    if (incident.person().roles().isEmpty()) {
      diagnostics.add("the incident names no role for the person");
    }
    return members;
  }

  private Map<String, String> attributes(Incident incident, List<String> diagnostics) {
    Map<String, String> attributes = new HashMap<>();
    for (String role : incident.person().roles()) {
      compiled.roleAttributes.getOrDefault(role, Map.of()).forEach(attributes::putIfAbsent);
    }
    incident.person().attributes().forEach((name, value) -> {
      if (!compiled.attributes.contains(name)) {
        diagnostics.add("unknown attribute '" + name + "'");
      }
      attributes.put(name, value);
    });
    return attributes;
  }

  private void checkFacts(Incident incident, List<String> diagnostics) {
    for (Map.Entry<String, String> fact : incident.facts().entrySet()) {
      var declared = compiled.facts.get(fact.getKey());
      if (declared == null) {
        diagnostics.add("unknown fact '" + fact.getKey() + "': ignored");
      } else {
        declared.type().problemWith(fact.getValue(), declared.values()).ifPresent(problem ->
            diagnostics.add("fact '" + fact.getKey() + "' cannot be '" + fact.getValue() + "': " + problem));
      }
    }
    for (Permission permission : incident.permissions()) {
      if (!compiled.offices.contains(permission.office())) {
        diagnostics.add("permission from unknown office '" + permission.office() + "'");
      }
    }
  }

  private ClauseRuling ruleOnClause(Clause clause, Incident incident, Map<String, List<String>> members,
      Map<String, String> attributes) {
    ImmutableClauseRuling.Builder ruling = ImmutableClauseRuling.builder()
        .clause(clause.id())
        .category(clause.category())
        .quote(clause.text())
        .origin(clause.origin().map(o -> o.describe()));
    if (clause.category().isEmpty()) {
      return ruling.outcome(Outcome.NOT_APPLICABLE)
          .reason("'" + clause.id() + "' is " + article(clause.kind().word()) + ", not a rule that conduct can breach")
          .build();
    }
    Optional<List<String>> scope = scopeOf(clause.appliesTo(), members);
    if (scope.isEmpty()) {
      return ruling.outcome(Outcome.NOT_APPLICABLE)
          .reason(members.isEmpty() ? "the person holds no role of this policy"
              : "it applies to " + String.join(", ", clause.appliesTo()) + ", and " + roles(incident) + " is in none of them")
          .build();
    }
    ruling.scope(scope.get());
    List<ConditionCheck> checks = checks(clause.when(), incident, attributes);
    ruling.conditions(checks);
    Optional<ConditionCheck> defeated = first(checks, ConditionCheck.Result.DEFEATED);
    if (defeated.isPresent()) {
      return ruling.outcome(Outcome.NOT_APPLICABLE)
          .reason("it applies only when " + describe(defeated.get()) + ", and the incident records "
              + defeated.get().actual().orElse("?"))
          .build();
    }
    Set<String> unknown = new LinkedHashSet<>(unknownFacts(checks));
    if (!unknown.isEmpty()) {
      return ruling.outcome(Outcome.UNDETERMINED).undecidedBy(unknown)
          .reason("whether it applies depends on " + String.join(", ", unknown) + ", which the incident does not record")
          .build();
    }
    String notMet = null;
    Set<String> exceptionUnknown = new LinkedHashSet<>();
    for (ClauseException exception : clause.exceptions()) {
      Optional<Permission> permission = matchingPermission(exception, clause, incident);
      if (permission.isEmpty()) {
        notMet = notMetReason(exception, clause, incident);
        ruling.exception(exception.id());
        continue;
      }
      List<ConditionCheck> exceptionChecks = checks(exception.when(), incident, attributes);
      Optional<ConditionCheck> against = first(exceptionChecks, ConditionCheck.Result.DEFEATED);
      if (against.isPresent()) {
        notMet = "the exception '" + exception.id() + "' needs " + describe(against.get()) + ", and the incident records "
            + against.get().actual().orElse("?");
        ruling.exception(exception.id());
        continue;
      }
      List<String> open = unknownFacts(exceptionChecks);
      if (!open.isEmpty()) {
        exceptionUnknown.addAll(open);
        ruling.exception(exception.id()).permission(permission);
        continue;
      }
      return ruling.outcome(Outcome.EXCUSED).exception(exception.id()).permission(permission)
          .reason("excused by the exception '" + exception.text().strip() + "': the person held "
              + permission.get().describe())
          .build();
    }
    if (!exceptionUnknown.isEmpty()) {
      return ruling.outcome(Outcome.UNDETERMINED).undecidedBy(exceptionUnknown)
          .reason("the person held the permission an exception needs; whether it excuses the conduct depends on "
              + String.join(", ", exceptionUnknown))
          .build();
    }
    StringBuilder reason = new StringBuilder("breached: it applies to ");
    if (clause.appliesTo().isEmpty()) {
      reason.append("everyone the policy concerns, ").append(String.join(" and ", incident.person().roles())).append(" included");
    } else {
      List<String> path = scope.get();
      String text = compiled.pathTexts.getOrDefault(path.get(0), Map.of()).get(path.get(path.size() - 1));
      reason.append(text != null ? text : path.get(path.size() - 1) + " (" + String.join(" -> ", path) + ")");
    }
    if (!checks.isEmpty()) {
      reason.append(", ").append(describeAll(checks));
    }
    if (notMet != null) {
      reason.append("; ").append(notMet);
    }
    return ruling.outcome(Outcome.BREACHED).reason(reason.toString()).build();
  }

  private void consequences(List<ClauseRuling> clauses, Incident incident, Map<String, List<String>> members,
      Map<String, String> attributes, List<ConsequenceRuling> out, List<String> unspecified) {
    // The breached (or undetermined) clauses, each with the consequences that answer to it and
    // are for this person: an index intersection, never a scan of the policy's consequences.
    List<ClauseRuling> breaches = new ArrayList<>(clauses.size());
    List<BitSet> answering = new ArrayList<>(clauses.size());
    BitSet candidates = new BitSet();
    BitSet forPerson = null;
    for (ClauseRuling clause : clauses) {
      if (clause.outcome() != Outcome.BREACHED && clause.outcome() != Outcome.UNDETERMINED) {
        continue;
      }
      if (forPerson == null) {
        forPerson = compiled.consequencesForRoles(incident.person().roles());
      }
      BitSet bits = (BitSet) forPerson.clone();
      bits.and(compiled.consequencesFor(clause.category().orElseThrow()));
      if (bits.isEmpty()) {
        unspecified.add(clause.clause());
        continue;
      }
      breaches.add(clause);
      answering.add(bits);
      candidates.or(bits);
    }
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Consequence consequence = compiled.consequences.get(i);
      List<ConditionCheck> checks = consequenceChecks(i, consequence, incident, attributes);
      if (first(checks, ConditionCheck.Result.DEFEATED).isPresent()) {
        continue; // a recorded finding rules it out
      }
      List<String> answered = new ArrayList<>(2);
      boolean firm = false;
      for (int b = 0; b < breaches.size(); b++) {
        if (answering.get(b).get(i)) {
          answered.add(breaches.get(b).clause());
          firm |= breaches.get(b).outcome() == Outcome.BREACHED;
        }
      }
      List<String> dependsOn;
      if (checks == compiled.unknownChecks.get(i) && firm) {
        dependsOn = compiled.conditionTexts.get(i);
      } else {
        dependsOn = new ArrayList<>();
        for (int c = 0; c < checks.size(); c++) {
          if (checks.get(c).result() == ConditionCheck.Result.UNKNOWN) {
            dependsOn.add(compiled.conditionTexts.get(i).get(c));
          }
        }
        if (!firm) {
          for (String clause : answered) {
            dependsOn.add(clause + " is found to have been breached");
          }
        }
      }
      out.add(ImmutableConsequenceRuling.builder()
          .consequence(consequence.id())
          .status(dependsOn.isEmpty() ? ConsequenceRuling.Status.APPLIES : ConsequenceRuling.Status.CONDITIONAL)
          .modality(consequence.modality())
          .statement(compiled.statements.get(i))
          .action(consequence.action())
          .actor(Optional.ofNullable(compiled.actorTitles.get(i)))
          .procedure(Optional.ofNullable(compiled.procedureTitles.get(i)))
          .source(consequence.clause())
          .breaches(answered)
          .scope(scopeOf(consequence.appliesTo(), members).orElseThrow())
          .conditions(checks)
          .dependsOn(dependsOn)
          .build());
    }
  }

  /** A consequence's condition checks: the shared "unknown" ones when the incident gives none of the facts. */
  private List<ConditionCheck> consequenceChecks(int index, Consequence consequence, Incident incident, Map<String, String> attributes) {
    if (consequence.when().isEmpty()) {
      return List.of();
    }
    boolean anyKnown = false;
    for (Condition condition : consequence.when()) {
      anyKnown |= condition.fact().map(incident.facts()::containsKey).orElse(true);
    }
    return anyKnown ? checks(consequence.when(), incident, attributes) : compiled.unknownChecks.get(index);
  }

  private Optional<Permission> matchingPermission(ClauseException exception, Clause clause, Incident incident) {
    for (Permission permission : incident.permissions()) {
      if (permission.office().equals(exception.office())
          && permission.clause().map(c -> c.equals(clause.id())).orElse(true)
          && (exception.timing() == PermissionTiming.ANY || permission.given() == Permission.Given.BEFORE)
          && (exception.forms().isEmpty() || exception.forms().contains(permission.form()))) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }

  private static String notMetReason(ClauseException exception, Clause clause, Incident incident) {
    for (Permission permission : incident.permissions()) {
      if (!permission.office().equals(exception.office())
          || !permission.clause().map(c -> c.equals(clause.id())).orElse(true)) {
        continue;
      }
      if (exception.timing() == PermissionTiming.PRIOR && permission.given() == Permission.Given.AFTER) {
        return "the exception '" + exception.id() + "' needs permission given before the act, and "
            + exception.office() + "'s was given after";
      }
      if (!exception.forms().isEmpty() && !exception.forms().contains(permission.form())) {
        return "the exception '" + exception.id() + "' needs " + exception.forms() + " permission, and "
            + exception.office() + "'s was " + permission.form().word();
      }
    }
    return "no permission from " + exception.office() + " is recorded, so the exception '" + exception.id() + "' is not met";
  }

  private List<ConditionCheck> checks(List<Condition> conditions, Incident incident, Map<String, String> attributes) {
    if (conditions.isEmpty()) {
      return List.of();
    }
    List<ConditionCheck> checks = new ArrayList<>(conditions.size());
    for (Condition condition : conditions) {
      String actual;
      String subject;
      if (condition.fact().isPresent()) {
        subject = condition.fact().get();
        actual = incident.facts().get(subject);
      } else {
        subject = "attribute " + condition.attribute().orElseThrow();
        actual = attributes.get(condition.attribute().get());
      }
      ConditionCheck.Result result = actual == null ? ConditionCheck.Result.UNKNOWN
          : condition.values().contains(actual) ? ConditionCheck.Result.SATISFIED : ConditionCheck.Result.DEFEATED;
      checks.add(ImmutableConditionCheck.builder().subject(subject).expected(condition.values())
          .actual(Optional.ofNullable(actual)).result(result).build());
    }
    return checks;
  }

  private static Optional<List<String>> scopeOf(List<String> appliesTo, Map<String, List<String>> members) {
    if (appliesTo.isEmpty()) {
      // Everyone the policy concerns: the path is the held role itself.
      return members.values().stream().filter(p -> p.size() == 1).findFirst();
    }
    for (String target : appliesTo) {
      List<String> path = members.get(target);
      if (path != null) {
        return Optional.of(path);
      }
    }
    return Optional.empty();
  }

  private static Optional<ConditionCheck> first(List<ConditionCheck> checks, ConditionCheck.Result result) {
    for (ConditionCheck check : checks) {
      if (check.result() == result) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }

  private static List<String> unknownFacts(List<ConditionCheck> checks) {
    List<String> unknown = new ArrayList<>();
    for (ConditionCheck check : checks) {
      if (check.result() == ConditionCheck.Result.UNKNOWN) {
        unknown.add(check.subject());
      }
    }
    return unknown;
  }

  static String describe(ConditionCheck check) {
    return check.expected().size() == 1
        ? check.subject() + " is " + check.expected().get(0)
        : check.subject() + " is one of " + String.join(", ", check.expected());
  }

  private static String describeAll(List<ConditionCheck> checks) {
    List<String> parts = new ArrayList<>();
    for (ConditionCheck check : checks) {
      parts.add(describe(check) + " (" + check.result().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return String.join(", ", parts);
  }

  private static String roles(Incident incident) {
    return incident.person().roles().isEmpty() ? "the person" : "a " + String.join(" and ", incident.person().roles());
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }
}
