package dev.precept.eval.internal;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.CollectiveDecision;
import dev.precept.eval.ConditionCheck;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.ExceptionRuling;
import dev.precept.eval.Ruling.DeclaredSilence;
import dev.precept.eval.Ruling.DeemedFact;
import dev.precept.eval.ConsequenceRuling.FactorValue;
import dev.precept.eval.Ruling.Membership;
import dev.precept.eval.StepRuling.Next;
import dev.precept.eval.Ruling;
import dev.precept.eval.StepCheck;
import dev.precept.eval.StepRuling;
import dev.precept.eval.Incident;
import dev.precept.eval.Outcome;
import dev.precept.eval.Permission;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Deeming;
import dev.precept.model.DutyStep;
import dev.precept.model.Fact;
import dev.precept.model.PermissionForm;
import dev.precept.model.PermissionTiming;
import dev.precept.model.Silence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
  private final Assembly assembly;

  /** An engine for this compiled policy, making its rulings through this assembly. */
  public RulingEngine(CompiledPolicy compiled, Assembly assembly) {
    this.compiled = compiled;
    this.assembly = assembly;
  }

  /** What one ruling evaluates conditions against: the incident's facts with deemed facts applied. */
  private static final class Context implements Conditions.Values {
    final Incident incident;
    final Map<String, String> attributes;
    Map<String, String> facts;
    Map<String, String> deemedBy = Map.of();

    Context(Incident incident, Map<String, String> attributes) {
      this.incident = incident;
      this.attributes = attributes;
      this.facts = incident.facts();
    }

    @Override
    public String fact(String id) {
      return facts.get(id);
    }

    @Override
    public String deemedBy(String id) {
      return deemedBy.get(id);
    }

    @Override
    public String attribute(String id) {
      return attributes.get(id);
    }

    @Override
    public CollectiveDecision decision(String id) {
      return incident.decisions().get(id);
    }

    @Override
    public LocalDate incidentDate() {
      return incident.date().orElseGet(() -> incident.occurred().map(LocalDateTime::toLocalDate).orElse(null));
    }
  }

  /** The ruling on an incident. */
  public Ruling rule(Incident incident) {
    List<String> diagnostics = new ArrayList<>();
    List<String> held = incident.person().roles();
    // A person in one role of the policy, the usual incident: what the role reaches, its
    // attributes and the ruling's template were worked out when the policy was compiled.
    CompiledPolicy.RoleParts single = held.size() == 1 ? compiled.roleParts.get(held.get(0)) : null;
    Map<String, List<String>> members = single != null ? single.reach : memberships(incident, diagnostics);
    Map<String, String> attributes = single != null && incident.person().attributes().isEmpty()
        ? single.attributes : attributes(incident, diagnostics);
    checkFacts(incident, diagnostics);
    Context context = new Context(incident, attributes);
    List<Ruling.DeemedFact> deemed = deem(context, diagnostics);

    int[] orders = concerned(incident, diagnostics);
    List<ClauseRuling> clauseRulings = new ArrayList<>(orders.length);
    // Which clauses are not applicable whatever their conditions (not rules, or not for this
    // person): the consequences need not look at their rulings again.
    boolean[] settled = new boolean[orders.length];
    for (int k = 0; k < orders.length; k++) {
      CompiledPolicy.ClauseParts parts = compiled.clauseParts[orders[k]];
      if (parts.notARule != null) {
        clauseRulings.add(parts.notARule);
        settled[k] = true;
        continue;
      }
      List<String> scope = single != null ? single.scope(parts) : scopeOf(parts.clause.appliesTo(), members);
      if (scope == null) {
        clauseRulings.add(outOfScope(parts, context, members, single));
        settled[k] = true;
      } else {
        clauseRulings.add(ruleOnClause(parts, context, scope, single));
      }
    }
    Found found = new Found();
    consequences(clauseRulings, settled, context, single, found);
    Ruling template = single != null ? single.template : compiled.template;
    List<Ruling.Membership> person;
    if (single != null) {
      person = template.person();
    } else {
      person = new ArrayList<>(members.size());
      for (Map.Entry<String, List<String>> member : members.entrySet()) {
        person.add(Ruling.Membership.of(member.getKey(), member.getValue()));
      }
    }
    return assembly.ruling(template, incident.id(), person, clauseRulings, found.consequences, found.unspecified, deemed,
        found.silences, found.noSanctionStated, diagnostics);
  }

  /** The document order of every clause the incident concerns, ascending. */
  private int[] concerned(Incident incident, List<String> diagnostics) {
    if (incident.clauses().isEmpty() && incident.categories().size() == 1) {
      int[] rules = compiled.ruleOrdersByCategory.get(incident.categories().get(0));
      if (rules != null) {
        return rules; // a category with rules is a category of the policy: one lookup
      }
    }
    if (incident.categories().isEmpty() && incident.clauses().size() == 1) {
      Integer order = compiled.documentOrder.get(incident.clauses().get(0));
      if (order != null) {
        return new int[] {order};
      }
    }
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
      for (int order : compiled.ruleOrdersIn(category)) {
        concerned.set(order);
      }
    }
    int[] orders = new int[concerned.cardinality()];
    int n = 0;
    for (int order = concerned.nextSetBit(0); order >= 0; order = concerned.nextSetBit(order + 1)) {
      orders[n++] = order;
    }
    return orders;
  }

  /** What the consequences part of a ruling found: each list empty until something is added. */
  private static final class Found {
    List<ConsequenceRuling> consequences = List.of();
    List<String> unspecified = List.of();
    List<DeclaredSilence> silences = List.of();
    List<String> noSanctionStated = List.of();
  }

  private List<Ruling.DeemedFact> deem(Context context, List<String> diagnostics) {
    if (compiled.deemingClauses.isEmpty()) {
      return List.of();
    }
    Map<String, String> facts = new HashMap<>(context.incident.facts());
    Map<String, String> deemedBy = new HashMap<>();
    context.facts = facts;
    context.deemedBy = deemedBy;
    List<Ruling.DeemedFact> deemed = new ArrayList<>();
    for (Clause clause : compiled.deemingClauses) {
      for (Deeming deeming : clause.deems()) {
        ConditionCheck check = Conditions.check(deeming.when(), context, compiled);
        if (check.result() != ConditionCheck.Result.SATISFIED) {
          continue;
        }
        String because = Conditions.describe(check);
        String recorded = context.incident.facts().get(deeming.fact());
        DeemedFact.Builder fact = DeemedFact.builder().fact(deeming.fact()).value(deeming.is())
            .clause(clause.id()).because(because);
        if (recorded != null && !recorded.equals(deeming.is())) {
          fact.recorded(recorded);
          diagnostics.add("the incident records " + deeming.fact() + " " + recorded + ", but clause " + clause.id()
              + " deems it " + deeming.is() + " because " + because + ": the deemed value is used");
        }
        facts.put(deeming.fact(), deeming.is());
        deemedBy.put(deeming.fact(), clause.id());
        deemed.add(fact.build());
      }
    }
    return deemed;
  }

  /** What the person reaches, for anyone but the holder of one role of the policy (who has {@link CompiledPolicy.RoleParts}). */
  private Map<String, List<String>> memberships(Incident incident, List<String> diagnostics) {
    if (incident.person().roles().size() == 1) {
      diagnostics.add("unknown role '" + incident.person().roles().get(0) + "': the person is in no role of this policy");
      return Map.of();
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
      } else if (!FactValues.fits(declared.type(), declared.values(), fact.getValue())) {
        declared.type().problemWith(fact.getValue(), declared.values()).ifPresent(problem ->
            diagnostics.add("fact '" + fact.getKey() + "' cannot be '" + fact.getValue() + "': " + problem));
      }
    }
    for (Map.Entry<String, CollectiveDecision> decision : incident.decisions().entrySet()) {
      Fact declared = compiled.facts.get(decision.getKey());
      if (declared == null || declared.type() != dev.precept.model.FactType.DECISION) {
        diagnostics.add("unknown decision '" + decision.getKey() + "': ignored");
      } else if (decision.getValue().present() > decision.getValue().members()) {
        diagnostics.add("decision '" + decision.getKey() + "' records more votes than members: " + decision.getValue().describe());
      }
    }
    for (Permission permission : incident.permissions()) {
      if (!compiled.offices.contains(permission.office())) {
        diagnostics.add("permission from unknown office '" + permission.office() + "'");
      }
    }
    for (Map.Entry<String, String> step : incident.steps().entrySet()) {
      Consequence consequence = compiled.consequenceById.get(step.getKey());
      if (consequence == null || consequence.outcomes().isEmpty()) {
        diagnostics.add("unknown step '" + step.getKey() + "': no consequence of this policy has outcomes under that id");
      } else if (!consequence.outcomes().contains(step.getValue())) {
        diagnostics.add("step '" + step.getKey() + "' cannot end '" + step.getValue() + "': its outcomes are "
            + consequence.outcomes());
      }
    }
    for (Map.Entry<String, String> step : incident.done().entrySet()) {
      if (!compiled.dutySteps.contains(step.getKey())) {
        diagnostics.add("unknown duty step '" + step.getKey() + "': ignored");
      } else if (!step.getValue().equals("not-done") && !isTime(step.getValue())) {
        diagnostics.add("step '" + step.getKey() + "' cannot be done '" + step.getValue()
            + "': expected a time YYYY-MM-DDTHH:MM or not-done; the step is taken as not recorded");
      }
    }
  }

  private static boolean isTime(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A clause's ruling begun with what does not depend on the incident. */
  static ClauseRuling.Builder start(Clause clause, CompiledPolicy.ClauseParts parts) {
    return ClauseRuling.builder()
        .clause(clause.id())
        .category(parts.category)
        .leadIn(parts.leadIn)
        .quote(clause.text())
        .origin(parts.origin);
  }

  /** Why a clause that is not a rule is not applicable. */
  static String notARule(Clause clause) {
    return "'" + clause.id() + "' is " + article(clause.kind().word()) + ", not a rule that conduct can breach";
  }

  /** Why a clause is undetermined, when its conditions wait on these facts. */
  static String undetermined(java.util.Collection<String> unknown) {
    return "whether it applies depends on " + String.join(", ", unknown) + ", which the incident does not record";
  }

  /** The ruling on a clause that is not for this person: the reason is all that depends on the incident. */
  private ClauseRuling outOfScope(CompiledPolicy.ClauseParts parts, Context context, Map<String, List<String>> members,
      CompiledPolicy.RoleParts single) {
    if (single == null) {
      return assembly.withReason(parts.notApplicable, members.isEmpty() ? "the person holds no role of this policy"
          : parts.outOfScope + "a " + String.join(" and ", context.incident.person().roles()) + " is in none of them");
    }
    // For one role of the policy only the role does, so the ruling is made once per role (while it keeps its slot).
    ClauseRuling known = parts.recallOutOfScope(single);
    if (known == null) {
      known = assembly.withReason(parts.notApplicable, parts.outOfScope + single.inNoneOfThem);
      parts.rememberOutOfScope(single, known);
    }
    return known;
  }

  /** The ruling on a rule clause that is for this person (by this path). */
  private ClauseRuling ruleOnClause(CompiledPolicy.ClauseParts parts, Context context, List<String> scope,
      CompiledPolicy.RoleParts single) {
    Clause clause = parts.clause;
    List<ConditionCheck> checks = parts.subjects.noneIn(context) ? parts.unknownWhen
        : checks(clause.when(), context, parts.unknownWhen);
    boolean recallable = parts.recallable || parts.recallableWithoutPermission && context.incident.permissions().isEmpty();
    if (!recallable || single == null) {
      return ruleOnClause(clause, parts, context, scope, checks);
    }
    // Without exceptions or a duty, the ruling is a function of the role and of the checks: the
    // same role with the same (shared) checks gets the same ruling, made once.
    ClauseRuling known = parts.recall(single, checks);
    if (known != null) {
      return known;
    }
    ClauseRuling ruling = ruleOnClause(clause, parts, context, scope, checks);
    if (allShared(checks)) {
      parts.remember(single, checks, ruling);
    }
    return ruling;
  }

  private boolean allShared(List<ConditionCheck> checks) {
    for (int i = 0; i < checks.size(); i++) {
      if (!compiled.checkTexts.containsKey(checks.get(i))) {
        return false;
      }
    }
    return true;
  }

  private ClauseRuling ruleOnClause(Clause clause, CompiledPolicy.ClauseParts parts, Context context,
      List<String> scope, List<ConditionCheck> checks) {
    Incident incident = context.incident;
    ClauseRuling.Builder ruling = start(clause, parts);
    ruling.scope(scope);
    ruling.conditions(checks);
    ConditionCheck defeated = firstOrNull(checks, ConditionCheck.Result.DEFEATED);
    if (defeated != null) {
      return ruling.outcome(Outcome.NOT_APPLICABLE)
          .reason("it applies only when " + Conditions.describe(defeated, compiled) + ", and the incident records "
              + Conditions.recorded(defeated))
          .build();
    }
    if (checks == parts.unknownWhen) {
      // Nothing the conditions test is recorded: what they wait on was worked out when compiled.
      if (!parts.undecided.isEmpty()) {
        return ruling.outcome(Outcome.UNDETERMINED).undecidedBy(parts.undecided).reason(parts.undetermined).build();
      }
    } else {
      Set<String> unknown = new LinkedHashSet<>(unknownFacts(checks));
      if (!unknown.isEmpty()) {
        return ruling.outcome(Outcome.UNDETERMINED).undecidedBy(unknown).reason(undetermined(unknown)).build();
      }
    }
    String dutyBreach = null;
    if (!clause.duty().isEmpty()) {
      List<StepCheck> steps = duty(clause, incident);
      ruling.duty(steps);
      List<String> broken = new ArrayList<>();
      List<String> open = new ArrayList<>();
      for (StepCheck step : steps) {
        switch (step.result()) {
          case NOT_DONE:
          case LATE:
          case OUT_OF_ORDER:
            broken.add(step.reason());
            break;
          case UNKNOWN:
            open.add("when " + step.step() + " was done");
            break;
          default:
            break;
        }
      }
      if (broken.isEmpty() && !open.isEmpty()) {
        return ruling.outcome(Outcome.UNDETERMINED).undecidedBy(open)
            .reason("whether the duty was kept depends on " + String.join(", ", open) + ", which the incident does not record")
            .build();
      }
      if (broken.isEmpty()) {
        List<String> kept = new ArrayList<>();
        steps.forEach(s -> kept.add(s.reason()));
        return ruling.outcome(Outcome.COMPLIED).reason("the duty was kept: " + String.join("; ", kept)).build();
      }
      dutyBreach = String.join("; ", broken);
    }
    List<ExceptionRuling> exceptions;
    if (clause.exceptions().isEmpty()) {
      exceptions = List.of();
    } else if (incident.permissions().isEmpty()) {
      // With no permission recorded no exception can be met, whatever else the incident says.
      exceptions = parts.exceptionsWithoutPermission;
      if (exceptions == null) {
        exceptions = List.copyOf(exceptions(clause, context));
        parts.exceptionsWithoutPermission = exceptions;
      }
    } else {
      exceptions = exceptions(clause, context);
    }
    ruling.exceptions(exceptions);
    ExceptionRuling met = null;
    ExceptionRuling lastUndetermined = null;
    Set<String> exceptionUnknown = exceptions.isEmpty() ? Set.of() : new LinkedHashSet<>();
    List<String> notMet = exceptions.isEmpty() ? List.of() : new ArrayList<>();
    for (ExceptionRuling exception : exceptions) {
      if (exception.result() == ExceptionRuling.Result.MET && met == null) {
        met = exception;
      } else if (exception.result() == ExceptionRuling.Result.UNDETERMINED) {
        lastUndetermined = exception;
        List<String> open = new ArrayList<>();
        exception.conditions().forEach(c -> Conditions.unknownSubjects(c, open));
        exceptionUnknown.addAll(open);
      } else if (exception.result() == ExceptionRuling.Result.NOT_MET) {
        notMet.add(exception.reason());
      }
    }
    if (!exceptions.isEmpty()) {
      ruling.exception(met != null ? met.id() : exceptions.get(exceptions.size() - 1).id());
    }
    if (met != null) {
      return ruling.outcome(Outcome.EXCUSED).permission(met.permissions().stream().findFirst())
          .reason(met.reason())
          .build();
    }
    if (lastUndetermined != null) {
      ruling.permission(lastUndetermined.permissions().stream().findFirst());
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
      // The scope runs from a held role of the policy to what the clause applies to: its words were made when compiled.
      reason.append(compiled.pathTexts.get(scope.get(0)).get(scope.get(scope.size() - 1)));
    }
    if (!checks.isEmpty()) {
      reason.append(", ").append(describeAll(checks));
    }
    if (dutyBreach != null) {
      reason.append("; the duty was not kept: ").append(dutyBreach);
    }
    for (String why : notMet) {
      reason.append("; ").append(why);
    }
    return ruling.outcome(Outcome.BREACHED).reason(reason.toString()).build();
  }

  private List<StepCheck> duty(Clause clause, Incident incident) {
    Map<String, LocalDateTime> times = new HashMap<>();
    Set<String> notDone = new java.util.HashSet<>();
    for (DutyStep step : clause.duty()) {
      String done = incident.done().get(step.id());
      if (done == null) {
        continue;
      }
      if (done.equals("not-done")) {
        notDone.add(step.id());
      } else {
        try {
          times.put(step.id(), LocalDateTime.parse(done));
        } catch (DateTimeParseException e) {
          // Not a time (only an incident ruled across editions gets here, and its diagnostics say
          // so): the step stays unrecorded.
        }
      }
    }
    Map<String, String> texts = new HashMap<>();
    clause.duty().forEach(s -> texts.put(s.id(), s.text().strip()));
    List<StepCheck> checks = new ArrayList<>();
    for (DutyStep step : clause.duty()) {
      StepCheck.Builder check = StepCheck.builder().step(step.id());
      String what = "'" + step.text().strip() + "'";
      if (notDone.contains(step.id())) {
        checks.add(step.optional()
            ? check.result(StepCheck.Result.NOT_NEEDED).done("not-done").reason(what + " was not done, and it need not be").build()
            : check.result(StepCheck.Result.NOT_DONE).done("not-done").reason(what + " was not done").build());
        continue;
      }
      LocalDateTime at = times.get(step.id());
      if (at == null) {
        checks.add(check.result(StepCheck.Result.UNKNOWN).reason("the incident does not record whether or when " + what + " was done").build());
        continue;
      }
      check.done(at.toString());
      String result = null;
      StepCheck.Result kind = StepCheck.Result.KEPT;
      for (String earlier : step.after()) {
        if (notDone.contains(earlier)) {
          kind = StepCheck.Result.OUT_OF_ORDER;
          result = what + " was done at " + at + " without '" + texts.get(earlier) + "' first";
          break;
        }
        LocalDateTime before = times.get(earlier);
        if (before == null) {
          kind = StepCheck.Result.UNKNOWN;
          result = "the incident does not record when '" + texts.get(earlier) + "' was done, which must come before " + what;
        } else if (before.isAfter(at)) {
          kind = StepCheck.Result.OUT_OF_ORDER;
          result = what + " was done at " + at + ", before '" + texts.get(earlier) + "' (" + before + "), which must come first";
          break;
        }
      }
      if (kind == StepCheck.Result.KEPT && step.within().isPresent()) {
        Duration limit = step.within().get();
        if (incident.occurred().isEmpty()) {
          kind = StepCheck.Result.UNKNOWN;
          result = "the incident does not record when it happened, which the time limit of " + words(limit) + " for " + what + " runs from";
        } else {
          Duration taken = Duration.between(incident.occurred().get(), at);
          if (taken.compareTo(limit) > 0) {
            kind = StepCheck.Result.LATE;
            result = what + " was done " + words(taken) + " after the incident, later than the limit of " + words(limit);
          } else {
            result = what + " was done " + words(taken) + " after the incident, within " + words(limit);
          }
        }
      }
      if (result == null) {
        result = what + " was done at " + at + (step.after().isEmpty() ? "" : ", after " + String.join(" and ",
            step.after().stream().map(e -> "'" + texts.get(e) + "'").toList()));
      }
      checks.add(check.result(kind).reason(result).build());
    }
    return checks;
  }

  private static String words(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes % 60 != 0) {
      return minutes + " minutes";
    }
    long hours = minutes / 60;
    return hours + (hours == 1 ? " hour" : " hours");
  }

  private List<ExceptionRuling> exceptions(Clause clause, Context context) {
    List<ExceptionRuling> out = new ArrayList<>(clause.exceptions().size());
    for (ClauseException exception : clause.exceptions()) {
      ExceptionRuling.Builder ruling = ExceptionRuling.builder().id(exception.id()).text(exception.text().strip());
      List<String> authorities = exception.authorities();
      boolean jointly = exception.jointly() && authorities.size() > 1;
      List<Permission> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String office : authorities) {
        Optional<Permission> permission = matchingPermission(exception, office, clause, context.incident);
        if (permission.isEmpty()) {
          missing.add(office);
        } else {
          found.add(permission.get());
          if (!jointly) {
            break; // one office's permission is enough: the first in the exception's order is cited
          }
        }
      }
      boolean permitted = jointly ? missing.isEmpty() : !found.isEmpty();
      if (!permitted) {
        List<String> why = new ArrayList<>();
        for (String office : missing) {
          why.add(notMetReason(exception, office, clause, context.incident));
        }
        String reason = jointly ? "the exception '" + exception.id() + "' needs permission from "
            + String.join(" and ", authorities) + " jointly: " + String.join("; ", why) : String.join("; ", why);
        out.add(ruling.result(ExceptionRuling.Result.NOT_MET).reason(reason).permissions(found).build());
        continue;
      }
      ruling.permissions(found);
      List<ConditionCheck> checks = checks(exception.when(), context);
      ruling.conditions(checks);
      Optional<ConditionCheck> against = first(checks, ConditionCheck.Result.DEFEATED);
      if (against.isPresent()) {
        out.add(ruling.result(ExceptionRuling.Result.NOT_MET)
            .reason("the exception '" + exception.id() + "' needs " + Conditions.describe(against.get())
                + ", and the incident records " + Conditions.recorded(against.get()))
            .build());
        continue;
      }
      List<String> open = unknownFacts(checks);
      if (!open.isEmpty()) {
        out.add(ruling.result(ExceptionRuling.Result.UNDETERMINED)
            .reason("the permission is recorded; whether the exception '" + exception.id() + "' is met depends on "
                + String.join(", ", open))
            .build());
        continue;
      }
      List<String> given = found.stream().map(Permission::describe).toList();
      out.add(ruling.result(ExceptionRuling.Result.MET)
          .reason("excused by the exception '" + exception.text().strip() + "': the person held " + String.join(" and ", given))
          .build());
    }
    return out;
  }

  private void consequences(List<ClauseRuling> clauses, boolean[] settled, Context context, CompiledPolicy.RoleParts single,
      Found found) {
    Incident incident = context.incident;
    // The breached (or undetermined) clauses, each with the consequences that answer to it and
    // are for this person through the roles that put them under the clause: an index
    // intersection, never a scan of the policy's consequences.
    int count = 0;
    ClauseRuling[] breaches = null;
    BitSet[] answering = null;
    BitSet[] answeringCategory = null;
    List<?>[] breachRoles = null;
    BitSet candidates = null;
    String lastCategory = null;
    BitSet lastForCategory = null;
    for (int k = 0; k < clauses.size(); k++) {
      if (settled[k]) {
        continue;
      }
      ClauseRuling clause = clauses.get(k);
      if (clause.outcome() != Outcome.BREACHED && clause.outcome() != Outcome.UNDETERMINED) {
        continue;
      }
      // For one role of the policy, the role itself puts the person under every clause they breach.
      List<String> roles = single != null ? incident.person().roles()
          : rolesUnder(compiled.clauses.get(clause.clause()), incident);
      // Both sets are the compiled policy's own for a single role: read, never changed.
      BitSet bits = single != null ? single.consequences : compiled.consequencesForRoles(roles);
      String category = clause.category().orElseThrow();
      BitSet forCategory = category.equals(lastCategory) ? lastForCategory : compiled.consequencesFor(category);
      lastCategory = category;
      lastForCategory = forCategory;
      if (!bits.intersects(forCategory)) {
        if (found.unspecified.isEmpty()) {
          found.unspecified = new ArrayList<>(2);
        }
        found.unspecified.add(clause.clause());
        Optional<Silence> silence = silence(clause, roles);
        if (silence.isPresent()) {
          if (found.silences.isEmpty()) {
            found.silences = new ArrayList<>(2);
          }
          found.silences.add(DeclaredSilence.builder().clause(clause.clause()).silence(silence.get().id())
              .reason(silence.get().reason()).build());
        }
        continue;
      }
      if (breaches == null) {
        breaches = new ClauseRuling[clauses.size()];
        answering = new BitSet[clauses.size()];
        answeringCategory = new BitSet[clauses.size()];
        breachRoles = new List<?>[clauses.size()];
        candidates = new BitSet();
      }
      breaches[count] = clause;
      answering[count] = bits;
      answeringCategory[count] = forCategory;
      breachRoles[count] = roles;
      count++;
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        if (forCategory.get(i)) {
          candidates.set(i);
        }
      }
    }
    if (count == 0) {
      return;
    }
    List<ConsequenceRuling> out = new ArrayList<>();
    int[] indexes = new int[candidates.cardinality()];
    // For each breach: whether some consequence answers it, and whether one of those is not a referral.
    boolean[] answeredAtAll = new boolean[count];
    boolean[] sanctioned = new boolean[count];
    Map<String, ConsequenceRuling> byId = null;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      Consequence consequence = compiled.consequences.get(i);
      CompiledPolicy.ConsequenceParts parts = compiled.consequenceParts.get(i);
      List<ConditionCheck> checks = consequenceChecks(i, consequence, context);
      if (firstOrNull(checks, ConditionCheck.Result.DEFEATED) != null) {
        continue; // a recorded finding rules it out
      }
      String stepWait = null;
      if (consequence.after().isPresent()) {
        ConsequenceRuling earlier = byId == null ? null : byId.get(consequence.after().get().step());
        if (earlier == null) {
          continue; // the step it follows does not arise for this person
        }
        String recorded = incident.steps().get(consequence.after().get().step());
        if (recorded != null && !recorded.equals(consequence.after().get().outcome())) {
          continue; // the step ended otherwise
        }
        if (recorded == null) {
          stepWait = parts.waitText;
        }
      }
      List<String> answered = new ArrayList<>(count);
      boolean firm = false;
      List<String> scope = null;
      boolean referral = consequence.isReferral();
      for (int b = 0; b < count; b++) {
        if (answering[b].get(i) && answeringCategory[b].get(i)) {
          answered.add(breaches[b].clause());
          firm |= breaches[b].outcome() == Outcome.BREACHED;
          answeredAtAll[b] = true;
          sanctioned[b] |= !referral;
          if (scope == null) {
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) breachRoles[b];
            scope = single != null ? single.pathTo(parts.appliesTo) : pathFrom(roles, consequence.appliesTo()).orElse(null);
          }
        }
      }
      // With nothing more to read from the incident (no factors, or none of them recorded), the
      // ruling is a function of what was just worked out: the same answer with the same (shared)
      // checks is made once.
      boolean recallable = parts.factors.noneIn(context)
          && (checks == parts.unknownWhen || allShared(checks));
      ConsequenceRuling done = recallable ? parts.recall(answered, firm, scope, checks, stepWait) : null;
      if (done == null) {
        done = consequenceRuling(i, consequence, parts, context, checks, stepWait, answered, firm, scope);
        if (recallable) {
          parts.remember(answered, firm, scope, checks, stepWait, done);
        }
      }
      indexes[out.size()] = i;
      out.add(done);
      if (parts.followed) {
        if (byId == null) {
          byId = new HashMap<>();
        }
        byId.put(done.consequence(), done);
      }
    }
    consequenceSteps(out, indexes, candidates, context);
    for (int b = 0; b < count; b++) {
      if (answeredAtAll[b] && !sanctioned[b]) {
        if (found.noSanctionStated.isEmpty()) {
          found.noSanctionStated = new ArrayList<>(2);
        }
        found.noSanctionStated.add(breaches[b].clause());
      }
    }
    if (!out.isEmpty()) {
      found.consequences = out;
    }
  }

  private ConsequenceRuling consequenceRuling(int i, Consequence consequence, CompiledPolicy.ConsequenceParts parts,
      Context context, List<ConditionCheck> checks, String stepWait, List<String> answered, boolean firm,
      List<String> scope) {
    List<String> dependsOn;
    List<String> texts = compiled.conditionTexts.get(i);
    if (checks == parts.unknownWhen && firm && stepWait == null) {
      dependsOn = texts;
    } else {
      dependsOn = new ArrayList<>();
      for (int c = 0; c < checks.size(); c++) {
        if (checks.get(c).result() == ConditionCheck.Result.UNKNOWN) {
          dependsOn.add(texts.get(c));
        }
      }
      if (stepWait != null) {
        dependsOn.add(stepWait);
      }
      if (!firm) {
        for (String clause : answered) {
          dependsOn.add(clause + " is found to have been breached");
        }
      }
    }
    ConsequenceRuling.Builder built = ConsequenceRuling.builder()
        .consequence(consequence.id())
        .status(dependsOn.isEmpty() ? ConsequenceRuling.Status.APPLIES : ConsequenceRuling.Status.CONDITIONAL)
        .modality(consequence.modality())
        .statement(compiled.statements.get(i))
        .action(consequence.action())
        .actor(parts.actor)
        .actors(compiled.actorLists.get(i))
        .procedure(parts.procedure)
        .source(consequence.clause())
        .breaches(answered)
        .scope(scope)
        .conditions(checks)
        .dependsOn(dependsOn)
        .options(consequence.options());
    if (consequence.isReferral()) {
      built.kind(ConsequenceRuling.Kind.REFERRAL).referral(parts.referral);
    }
    for (String factor : consequence.factors()) {
      Fact fact = compiled.facts.get(factor);
      built.addFactors(FactorValue.builder().fact(factor).description(fact == null ? factor : fact.description())
          .value(Optional.ofNullable(context.fact(factor))).build());
    }
    return built.build();
  }

  private void consequenceSteps(List<ConsequenceRuling> out, int[] indexes, BitSet candidates, Context context) {
    // Steps: how far each got and what follows on each outcome; alternatives: excludes, both ways.
    for (int r = 0; r < out.size(); r++) {
      ConsequenceRuling consequence = out.get(r);
      CompiledPolicy.ConsequenceParts parts = compiled.consequenceParts.get(indexes[r]);
      Consequence model = compiled.consequences.get(indexes[r]);
      if (parts.alternatives == null && model.outcomes().isEmpty()) {
        continue;
      }
      if (!model.outcomes().isEmpty()) {
        consequence = staged(consequence, parts, model, candidates, context);
      }
      if (parts.alternatives != null) {
        List<String> alternatives = new ArrayList<>();
        for (int o = 0; o < out.size(); o++) {
          if (o != r && parts.alternatives.get(indexes[o])) {
            alternatives.add(out.get(o).consequence());
          }
        }
        if (!alternatives.isEmpty()) {
          consequence = assembly.withAlternatives(consequence, alternatives);
        }
      }
      out.set(r, consequence);
    }
  }

  /** A step's ruling with how far it got and what follows on each of its outcomes. */
  private ConsequenceRuling staged(ConsequenceRuling consequence, CompiledPolicy.ConsequenceParts parts, Consequence model,
      BitSet candidates, Context context) {
    String recorded = context.incident.steps().get(model.id());
    boolean current = recorded == null && consequence.status() == ConsequenceRuling.Status.APPLIES;
    // What follows: the later steps that arise for this person and that no recorded finding rules out.
    BitSet following = new BitSet();
    for (int n = 0; n < model.outcomes().size(); n++) {
      for (int i : parts.following.get(n)) {
        if (candidates.get(i) && firstOrNull(consequenceChecks(i, compiled.consequences.get(i), context),
            ConditionCheck.Result.DEFEATED) == null) {
          following.set(i);
        }
      }
    }
    ConsequenceRuling known = parts.recallStep(consequence, current, recorded, following);
    if (known != null) {
      return known;
    }
    List<StepRuling.Next> next = new ArrayList<>(model.outcomes().size());
    for (int n = 0; n < model.outcomes().size(); n++) {
      List<String> ids = new ArrayList<>();
      for (int i : parts.following.get(n)) {
        if (following.get(i)) {
          ids.add(compiled.consequences.get(i).id());
        }
      }
      next.add(StepRuling.Next.of(model.outcomes().get(n), ids));
    }
    StepRuling step = StepRuling.builder().current(current).outcome(Optional.ofNullable(recorded)).next(next).build();
    ConsequenceRuling ruling = assembly.withStep(consequence, step);
    parts.rememberStep(consequence, current, recorded, following, ruling);
    return ruling;
  }

  /** The held roles that put the person under a clause: every held role when it applies to everyone. */
  private List<String> rolesUnder(Clause clause, Incident incident) {
    List<String> held = incident.person().roles();
    if (clause.appliesTo().isEmpty()) {
      return held;
    }
    List<String> under = new ArrayList<>(held.size());
    for (String role : held) {
      Map<String, List<String>> reach = compiled.reachOf(role);
      for (String target : clause.appliesTo()) {
        if (reach.containsKey(target)) {
          under.add(role);
          break;
        }
      }
    }
    return under;
  }

  private Optional<List<String>> pathFrom(List<String> roles, List<String> appliesTo) {
    for (String role : roles) {
      Map<String, List<String>> reach = compiled.reachOf(role);
      for (String target : appliesTo) {
        List<String> path = reach.get(target);
        if (path != null) {
          return Optional.of(path);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Silence> silence(ClauseRuling clause, List<String> roles) {
    String category = clause.category().orElseThrow();
    for (Silence silence : compiled.policy.silent()) {
      if (!silence.categories().isEmpty() && !silence.categories().contains(category)) {
        continue;
      }
      if (pathFrom(roles, silence.appliesTo()).isPresent()) {
        return Optional.of(silence);
      }
    }
    return Optional.empty();
  }

  /** A consequence's condition checks: the shared "unknown" ones when the incident gives none of the facts. */
  private List<ConditionCheck> consequenceChecks(int index, Consequence consequence, Context context) {
    if (consequence.when().isEmpty()) {
      return List.of();
    }
    CompiledPolicy.ConsequenceParts parts = compiled.consequenceParts.get(index);
    return parts.subjects.noneIn(context) ? parts.unknownWhen : checks(consequence.when(), context, parts.unknownWhen);
  }

  private Optional<Permission> matchingPermission(ClauseException exception, String office, Clause clause, Incident incident) {
    for (Permission permission : incident.permissions()) {
      if (permission.office().equals(office)
          && permission.clause().map(c -> c.equals(clause.id())).orElse(true)
          && (exception.timing() == PermissionTiming.ANY || permission.given() == Permission.Given.BEFORE)
          && (exception.forms().isEmpty() || exception.forms().contains(permission.form()))) {
        return Optional.of(permission);
      }
    }
    return Optional.empty();
  }

  private String notMetReason(ClauseException exception, String office, Clause clause, Incident incident) {
    String forOtherClause = null;
    for (Permission permission : incident.permissions()) {
      if (!permission.office().equals(office)) {
        continue;
      }
      if (!permission.clause().map(c -> c.equals(clause.id())).orElse(true)) {
        forOtherClause = "the " + compiled.officeTitle(office) + "'s permission was for clause " + permission.clause().get()
            + ", not " + clause.id() + ", so the exception '" + exception.id() + "' is not met";
        continue;
      }
      if (exception.timing() == PermissionTiming.PRIOR && permission.given() == Permission.Given.AFTER) {
        return "the exception '" + exception.id() + "' needs permission given before the act, and "
            + office + "'s was given after";
      }
      if (!exception.forms().isEmpty() && !exception.forms().contains(permission.form())) {
        return "the exception '" + exception.id() + "' needs "
            + exception.forms().stream().map(PermissionForm::word).collect(java.util.stream.Collectors.joining(" or "))
            + " permission, and "
            + office + "'s was " + permission.form().word();
      }
    }
    if (forOtherClause != null) {
      return forOtherClause;
    }
    return "no permission from " + office + " is recorded, so the exception '" + exception.id() + "' is not met";
  }

  /**
   * The checks of conditions: {@code unknown} itself (the shared checks when nothing they test is
   * recorded) when every check is the shared one, so no list is made for the usual ruling.
   */
  private List<ConditionCheck> checks(List<Condition> conditions, Context context, List<ConditionCheck> unknown) {
    List<ConditionCheck> checks = null;
    for (int i = 0; i < conditions.size(); i++) {
      ConditionCheck check = Conditions.check(conditions.get(i), context, compiled);
      if (checks == null && check != unknown.get(i)) {
        checks = new ArrayList<>(conditions.size());
        checks.addAll(unknown.subList(0, i));
      }
      if (checks != null) {
        checks.add(check);
      }
    }
    return checks == null ? unknown : checks;
  }

  private List<ConditionCheck> checks(List<Condition> conditions, Context context) {
    if (conditions.isEmpty()) {
      return List.of();
    }
    List<ConditionCheck> checks = new ArrayList<>(conditions.size());
    for (Condition condition : conditions) {
      checks.add(Conditions.check(condition, context, compiled));
    }
    return checks;
  }

  /** The path that puts the person under a clause, or null when none does. */
  private static List<String> scopeOf(List<String> appliesTo, Map<String, List<String>> members) {
    if (appliesTo.isEmpty()) {
      // Everyone the policy concerns: the path is the held role itself.
      for (List<String> path : members.values()) {
        if (path.size() == 1) {
          return path;
        }
      }
      return null;
    }
    for (int i = 0; i < appliesTo.size(); i++) {
      List<String> path = members.get(appliesTo.get(i));
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  private static ConditionCheck firstOrNull(List<ConditionCheck> checks, ConditionCheck.Result result) {
    for (int i = 0; i < checks.size(); i++) {
      if (checks.get(i).result() == result) {
        return checks.get(i);
      }
    }
    return null;
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
      Conditions.unknownSubjects(check, unknown);
    }
    return unknown;
  }

  private String describeAll(List<ConditionCheck> checks) {
    List<String> parts = new ArrayList<>();
    for (ConditionCheck check : checks) {
      String text = Conditions.describe(check, compiled) + " (" + check.result().name().toLowerCase(java.util.Locale.ROOT)
          + check.detail().map(d -> ": " + d).orElse("") + ")";
      if (check.deemedBy().isPresent()) {
        text += " (deemed, by clause " + check.deemedBy().get() + ")";
      }
      parts.add(text);
    }
    return String.join(", ", parts);
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }
}
