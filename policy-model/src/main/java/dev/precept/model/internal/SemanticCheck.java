package dev.precept.model.internal;

import dev.precept.model.Attribute;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Deeming;
import dev.precept.model.DutyStep;
import dev.precept.model.Silence;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Group;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.model.Role;
import dev.precept.model.Section;
import dev.precept.model.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules a schema cannot express: ids are unique, every reference resolves, the group graph
 * has no cycle, values fit their declared types, dates are in order.
 */
public final class SemanticCheck {
  private final Policy policy;
  private final LocatedDocument document;
  private final List<Diagnostic> problems = new ArrayList<>();
  private final Vocabulary vocabulary;
  private final Map<String, Fact> facts;
  private final Map<String, Attribute> attributes;
  // The rule language's own references (several offices, referrals, silences) check against these.
  private final Set<String> offices;
  private final Set<String> instruments;
  private final Set<String> clauses;
  private final Set<String> categories;
  private final Set<String> rolesAndGroups = new LinkedHashSet<>();

  private SemanticCheck(Policy policy, LocatedDocument document) {
    this.policy = policy;
    this.document = document;
    this.vocabulary = Vocabulary.of(policy);
    offices = ids(policy.offices(), o -> o.id());
    instruments = ids(policy.instruments(), i -> i.id());
    categories = ids(policy.breachCategories(), b -> b.id());
    clauses = ids(policy.allClauses(), c -> c.id());
    policy.roles().forEach(r -> rolesAndGroups.add(r.id()));
    policy.groups().forEach(g -> rolesAndGroups.add(g.id()));
    facts = byId(policy.facts(), Fact::id);
    attributes = byId(policy.attributes(), Attribute::id);
  }

  /** Every semantic problem in a policy read from this document. */
  public static List<Diagnostic> check(Policy policy, LocatedDocument document) {
    SemanticCheck check = new SemanticCheck(policy, document);
    check.run();
    return check.problems;
  }

  private void run() {
    uniqueIds();
    metadata(policy.metadata());
    for (int i = 0; i < policy.roles().size(); i++) {
      role(policy.roles().get(i), "/roles/" + i);
    }
    for (int i = 0; i < policy.groups().size(); i++) {
      Group group = policy.groups().get(i);
      memberships("group '" + group.id() + "'", group.memberOf(), "/groups/" + i + "/memberOf");
    }
    groupCycles();
    for (int s = 0; s < policy.sectionsAndAppendices().size(); s++) {
      Section section = policy.sectionsAndAppendices().get(s);
      for (int c = 0; c < section.clauses().size(); c++) {
        Clause clause = section.clauses().get(c);
        String at = sectionPointer(s) + "/clauses/" + c;
        clause(clause, at);
        for (int i = 0; i < clause.items().size(); i++) {
          clause(clause.items().get(i), at + "/items/" + i);
        }
      }
    }
    for (int i = 0; i < policy.consequences().size(); i++) {
      consequence(policy.consequences().get(i), "/consequences/" + i);
    }
    facts();
    silences();
  }

  private void uniqueIds() {
    Map<String, String> rolesOrGroups = new HashMap<>();
    for (int i = 0; i < policy.roles().size(); i++) {
      unique(rolesOrGroups, policy.roles().get(i).id(), "/roles/" + i + "/id", "role or group");
    }
    for (int i = 0; i < policy.groups().size(); i++) {
      unique(rolesOrGroups, policy.groups().get(i).id(), "/groups/" + i + "/id", "role or group");
    }
    uniqueIn("offices", policy.offices(), o -> o.id(), "office");
    uniqueIn("attributes", policy.attributes(), Attribute::id, "attribute");
    uniqueIn("facts", policy.facts(), Fact::id, "fact");
    uniqueIn("breachCategories", policy.breachCategories(), b -> b.id(), "breach category");
    uniqueIn("instruments", policy.instruments(), i -> i.id(), "instrument");
    Map<String, String> sectionIds = new HashMap<>();
    for (int s = 0; s < policy.sectionsAndAppendices().size(); s++) {
      unique(sectionIds, policy.sectionsAndAppendices().get(s).id(), sectionPointer(s) + "/id", "section or appendix");
    }
    uniqueIn("consequences", policy.consequences(), Consequence::id, "consequence");
    Map<String, String> clauseIds = new HashMap<>();
    Map<String, String> exceptionIds = new HashMap<>();
    for (int s = 0; s < policy.sectionsAndAppendices().size(); s++) {
      List<Clause> list = policy.sectionsAndAppendices().get(s).clauses();
      for (int c = 0; c < list.size(); c++) {
        String at = sectionPointer(s) + "/clauses/" + c;
        uniqueClause(clauseIds, exceptionIds, list.get(c), at);
        for (int i = 0; i < list.get(c).items().size(); i++) {
          uniqueClause(clauseIds, exceptionIds, list.get(c).items().get(i), at + "/items/" + i);
        }
      }
    }
  }

  /** The JSON pointer of the s-th of the sections followed by the appendices. */
  private String sectionPointer(int s) {
    int sections = policy.sections().size();
    return s < sections ? "/sections/" + s : "/appendices/" + (s - sections);
  }

  private void uniqueClause(Map<String, String> clauseIds, Map<String, String> exceptionIds, Clause clause, String at) {
    unique(clauseIds, clause.id(), at + "/id", "clause");
    for (int e = 0; e < clause.exceptions().size(); e++) {
      unique(exceptionIds, clause.exceptions().get(e).id(), at + "/exceptions/" + e + "/id", "exception");
    }
  }

  private <T> void uniqueIn(String list, List<T> items, Function<T, String> id, String what) {
    Map<String, String> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      unique(seen, id.apply(items.get(i)), "/" + list + "/" + i + "/id", what);
    }
  }

  private void unique(Map<String, String> seen, String id, String pointer, String what) {
    String first = seen.putIfAbsent(id, pointer);
    if (first != null) {
      String owner = first.substring(0, first.lastIndexOf('/'));
      int line = document.position(first)[0];
      problem(Diagnostic.DUPLICATE_ID, pointer, what + " id '" + id + "' is already used by " + owner + (line > 0 ? " (line " + line + ")" : ""),
          "every " + what + " needs an id of its own");
    }
  }

  private void metadata(Metadata metadata) {
    String body = metadata.approval().body();
    refer(Vocabulary.Kind.OFFICE, body, "/metadata/approval/body", "approving body", "offices");
    Set<String> signing = new LinkedHashSet<>();
    for (int i = 0; i < metadata.signatories().size(); i++) {
      String office = metadata.signatories().get(i).office();
      String at = "/metadata/signatories/" + i + "/office";
      refer(Vocabulary.Kind.OFFICE, office, at, "signatory", "offices");
      if (!signing.add(office)) {
        problem(Diagnostic.DUPLICATE_ID, at, "office '" + office + "' signs twice", "list each signing office once");
      }
    }
    Metadata.Dates dates = metadata.dates();
    dates.approved().ifPresent(approved -> {
      if (approved.isBefore(dates.drafted())) {
        problem(Diagnostic.INCONSISTENT, "/metadata/dates/approved", "approved " + approved + " is before drafted " + dates.drafted(),
            "an edition is approved after it is drafted");
      }
    });
    dates.effective().ifPresent(effective -> dates.approved().ifPresent(approved -> {
      if (effective.isBefore(approved)) {
        problem(Diagnostic.INCONSISTENT, "/metadata/dates/effective", "effective " + effective + " is before approved " + approved,
            "an edition takes effect once approved");
      }
    }));
    if (metadata.status() == Status.APPROVED && dates.approved().isEmpty()) {
      problem(Diagnostic.INCONSISTENT, "/metadata/dates", "status is 'approved' but no approval date is given",
          "add 'approved: YYYY-MM-DD' under dates, or set status to 'draft'");
    }
    if (metadata.reviewFrequency().isZero() || metadata.reviewFrequency().isNegative()) {
      problem(Diagnostic.INCONSISTENT, "/metadata/reviewFrequency", "review frequency must be a positive period", "for example P1Y");
    }
    metadata.statutoryReview().ifPresent(statutory -> {
      if (statutory.every().isZero() || statutory.every().isNegative()) {
        problem(Diagnostic.INCONSISTENT, "/metadata/statutoryReview/every", "a statutory review cycle must be a positive period",
            "for example P1Y");
      }
    });
    // Revision entries are events, not editions: a review with no change repeats the version.
  }

  private void role(Role role, String at) {
    memberships("role '" + role.id() + "'", role.memberOf(), at + "/memberOf");
    role.attributes().forEach((name, value) -> {
      String where = at + "/attributes/" + LocatedTreeReader.escape(name);
      Attribute attribute = attributes.get(name);
      if (attribute == null) {
        report(vocabulary.unknown(Vocabulary.Kind.ATTRIBUTE, name, () -> "role '" + role.id() + "' sets unknown attribute '" + name + "'"), where);
      } else {
        value(attribute.type(), attribute.values(), value, where, "attribute '" + name + "'");
      }
    });
  }

  private void memberships(String who, List<String> memberOf, String at) {
    for (int i = 0; i < memberOf.size(); i++) {
      String group = memberOf.get(i);
      report(vocabulary.unknown(Vocabulary.Kind.GROUP, group, () -> who + " is a member of unknown group '" + group + "'"), at + "/" + i);
    }
  }

  private void groupCycles() {
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < policy.groups().size(); i++) {
      Group group = policy.groups().get(i);
      edges.putIfAbsent(group.id(), group.memberOf());
      index.putIfAbsent(group.id(), i);
    }
    Set<String> done = new LinkedHashSet<>();
    Set<String> reported = new LinkedHashSet<>();
    for (String start : edges.keySet()) {
      findCycle(start, edges, new ArrayList<>(), done).ifPresent(cycle -> {
        String key = cycle.stream().sorted().collect(Collectors.joining(","));
        if (reported.add(key)) {
          String first = cycle.get(0);
          problem(Diagnostic.GROUP_CYCLE, "/groups/" + index.get(first) + "/memberOf",
              "groups form a cycle: " + String.join(" -> ", cycle) + " -> " + first,
              "a group cannot contain itself; remove one of these memberships");
        }
      });
    }
  }

  private Optional<List<String>> findCycle(String node, Map<String, List<String>> edges, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      return Optional.of(new ArrayList<>(path.subList(at, path.size())));
    }
    if (done.contains(node)) {
      return Optional.empty();
    }
    path.add(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      Optional<List<String>> cycle = findCycle(next, edges, path, done);
      if (cycle.isPresent()) {
        path.remove(path.size() - 1);
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return Optional.empty();
  }

  private void clause(Clause clause, String at) {
    String who = "clause '" + clause.id() + "'";
    for (int i = 0; i < clause.appliesTo().size(); i++) {
      String target = clause.appliesTo().get(i);
      report(vocabulary.unknown(Vocabulary.Kind.ROLE_OR_GROUP, target, () -> who + " names unknown role '" + target + "'"), at + "/appliesTo/" + i);
    }
    clause.category().ifPresent(c -> refer(Vocabulary.Kind.CATEGORY, c, at + "/category", who + " has breach category", "breachCategories"));
    conditions(who, clause.when(), at + "/when");
    for (int i = 0; i < clause.references().size(); i++) {
      refer(Vocabulary.Kind.INSTRUMENT, clause.references().get(i), at + "/references/" + i, who + " refers to instrument", "instruments");
    }
    for (int i = 0; i < clause.offices().size(); i++) {
      refer(Vocabulary.Kind.OFFICE, clause.offices().get(i), at + "/offices/" + i, who + " names office", "offices");
    }
    for (int i = 0; i < clause.exceptions().size(); i++) {
      ClauseException exception = clause.exceptions().get(i);
      String where = at + "/exceptions/" + i;
      exception.office().ifPresent(o -> refer(offices, o, where + "/office", "exception '" + exception.id() + "' names office", "offices"));
      for (int o = 0; o < exception.offices().size(); o++) {
        refer(offices, exception.offices().get(o), where + "/offices/" + o, "exception '" + exception.id() + "' names office", "offices");
      }
      conditions("exception '" + exception.id() + "'", exception.when(), where + "/when");
    }
    for (int i = 0; i < clause.deems().size(); i++) {
      Deeming deeming = clause.deems().get(i);
      String where = at + "/deems/" + i;
      Fact fact = facts.get(deeming.fact());
      if (fact == null) {
        problem(where + "/fact", who + " deems unknown fact '" + deeming.fact() + "'",
            DidYouMean.hint(deeming.fact(), facts.keySet(), "declared facts"));
      } else {
        value(fact.type(), fact.values(), deeming.is(), where + "/is", "fact '" + fact.id() + "'");
      }
      condition(who, deeming.when(), where + "/when");
      if (deeming.when().flatten().stream().anyMatch(c -> c.fact().map(deeming.fact()::equals).orElse(false))) {
        problem(where + "/when", who + " deems fact '" + deeming.fact() + "' from itself",
            "a deeming rule sets a fact from other facts");
      }
    }
    Set<String> steps = new LinkedHashSet<>();
    for (int i = 0; i < clause.duty().size(); i++) {
      DutyStep step = clause.duty().get(i);
      if (!steps.add(step.id())) {
        problem(at + "/duty/" + i + "/id", who + " has two duty steps with id '" + step.id() + "'", "give each step an id of its own");
      }
    }
    for (int i = 0; i < clause.duty().size(); i++) {
      DutyStep step = clause.duty().get(i);
      for (int a = 0; a < step.after().size(); a++) {
        String earlier = step.after().get(a);
        if (earlier.equals(step.id())) {
          problem(at + "/duty/" + i + "/after/" + a, "duty step '" + step.id() + "' comes after itself", "name an earlier step");
        } else if (!steps.contains(earlier)) {
          problem(at + "/duty/" + i + "/after/" + a, "duty step '" + step.id() + "' comes after unknown step '" + earlier + "'",
              DidYouMean.hint(earlier, steps, "steps of this duty"));
        }
      }
      String limitAt = at + "/duty/" + i + "/within";
      step.within().ifPresent(limit -> {
        if (limit.isNegative() || limit.isZero()) {
          problem(limitAt, "duty step '" + step.id() + "' has a time limit that is not positive", "for example PT24H");
        }
      });
    }
    if (!clause.duty().isEmpty() && clause.category().isEmpty()) {
      problem(at + "/duty", who + " has a duty but no breach category, so it can never be found breached",
          "give the clause a 'category'");
    }
    if (!clause.exceptions().isEmpty() && clause.category().isEmpty()) {
      problem(Diagnostic.INCONSISTENT, at + "/exceptions", who + " has exceptions but no breach category, so nothing it excuses can be breached",
          "give the clause a 'category'");
    }
  }

  private void consequence(Consequence consequence, String at) {
    String who = "consequence '" + consequence.id() + "'";
    refer(Vocabulary.Kind.CLAUSE, consequence.clause(), at + "/clause", who + " cites clause", "clauses");
    for (int i = 0; i < consequence.appliesTo().size(); i++) {
      String target = consequence.appliesTo().get(i);
      report(vocabulary.unknown(Vocabulary.Kind.ROLE_OR_GROUP, target, () -> who + " names unknown role '" + target + "'"), at + "/appliesTo/" + i);
    }
    for (int i = 0; i < consequence.categories().size(); i++) {
      refer(Vocabulary.Kind.CATEGORY, consequence.categories().get(i), at + "/categories/" + i, who + " answers to breach category", "breachCategories");
    }
    consequence.actor().ifPresent(a -> refer(offices, a, at + "/actor", who + " names acting office", "offices"));
    for (int i = 0; i < consequence.actors().size(); i++) {
      refer(offices, consequence.actors().get(i), at + "/actors/" + i, who + " names acting office", "offices");
    }
    consequence.referTo().ifPresent(r -> {
      if (!instruments.contains(r) && !offices.contains(r)) {
        Set<String> either = new LinkedHashSet<>(instruments);
        either.addAll(offices);
        problem(at + "/referTo", who + " refers to '" + r + "', which is declared neither under 'instruments' nor under 'offices'",
            DidYouMean.hint(r, either, "declared instruments and offices"));
      }
    });
    consequence.after().ifPresent(after -> {
      Consequence step = policy.consequences().stream().filter(c -> c.id().equals(after.step())).findFirst().orElse(null);
      if (step == null) {
        refer(Set.of(), after.step(), at + "/after/step", who + " follows step", "consequences");
      } else if (step.id().equals(consequence.id())) {
        problem(at + "/after/step", who + " follows itself", "name the earlier step it follows on");
      } else if (policy.consequences().indexOf(step) > policy.consequences().indexOf(consequence)) {
        problem(at + "/after/step", who + " follows '" + step.id() + "', which comes after it",
            "list a step before the consequences that follow on its outcomes");
      } else if (step.outcomes().isEmpty()) {
        problem(at + "/after/step", who + " follows '" + step.id() + "', which declares no 'outcomes'",
            "give '" + step.id() + "' its outcomes, e.g. outcomes: [complied, refused]");
      } else if (!step.outcomes().contains(after.outcome())) {
        problem(at + "/after/outcome", who + " follows outcome '" + after.outcome() + "' of '" + step.id()
            + "', which has outcomes " + step.outcomes(), DidYouMean.hint(after.outcome(), step.outcomes(), "outcomes"));
      }
    });
    for (int i = 0; i < consequence.factors().size(); i++) {
      refer(facts.keySet(), consequence.factors().get(i), at + "/factors/" + i, who + " weighs fact", "facts");
    }
    if (!consequence.factors().isEmpty() && consequence.options().isEmpty()) {
      problem(at + "/factors", who + " names factors to weigh but no options to choose among", "list the range of sanctions under 'options'");
    }
    consequence.procedure().ifPresent(p -> refer(instruments, p, at + "/procedure", who + " refers to instrument", "instruments"));
    conditions(who, consequence.when(), at + "/when");
    for (int i = 0; i < consequence.excludes().size(); i++) {
      String other = consequence.excludes().get(i);
      if (other.equals(consequence.id())) {
        problem(Diagnostic.INCONSISTENT, at + "/excludes/" + i, who + " excludes itself", "list the other consequences it cannot follow with");
      } else {
        refer(Vocabulary.Kind.CONSEQUENCE, other, at + "/excludes/" + i, who + " excludes consequence", "consequences");
      }
    }
  }

  private void conditions(String who, List<Condition> conditions, String at) {
    for (int i = 0; i < conditions.size(); i++) {
      condition(who, conditions.get(i), at + "/" + i);
    }
  }

  private void condition(String who, Condition condition, String where) {
    if (condition.isComposite()) {
      int parts = (condition.all().isEmpty() ? 0 : 1) + (condition.any().isEmpty() ? 0 : 1) + (condition.not().isPresent() ? 1 : 0);
      if (parts > 1 || condition.fact().isPresent() || condition.attribute().isPresent() || condition.decision().isPresent()) {
        problem(where, who + " mixes 'all', 'any', 'not' or a test in one condition",
            "write one of them per condition and nest the others inside it");
        return;
      }
      conditions(who, condition.all(), where + "/all");
      conditions(who, condition.any(), where + "/any");
      condition.not().ifPresent(c -> condition(who, c, where + "/not"));
      return;
    }
    if (condition.fact().isEmpty() && condition.attribute().isEmpty() && condition.decision().isEmpty()) {
      problem(where, who + " has a condition that tests nothing",
          "name what it tests ('fact', 'attribute' or 'decision'), or write 'all', 'any' or 'not' over other conditions");
      return;
    }
    int subjects = (condition.fact().isPresent() ? 1 : 0) + (condition.attribute().isPresent() ? 1 : 0)
        + (condition.decision().isPresent() ? 1 : 0);
    if (subjects > 1) {
      problem(where, who + " tests several subjects in one condition", "write one condition per fact, attribute or decision");
      return;
    }
    List<String> tests = tests(condition);
    String subject = condition.subject();
    if (tests.size() != 1) {
      problem(where, who + " gives " + (tests.isEmpty() ? "no test" : tests.size() + " tests (" + String.join(", ", tests) + ")")
          + " for '" + subject + "'", "give exactly one of is, in, atLeast, atMost, moreThan, lessThan, between, before, after, within, carried");
      return;
    }
    String test = tests.get(0);
    if (condition.decision().isPresent()) {
      Fact fact = facts.get(subject);
      if (fact == null || fact.type() != FactType.DECISION) {
        problem(where + "/decision", who + " tests unknown decision '" + subject + "'",
            DidYouMean.hint(subject, decisionIds(), "declared decisions (facts of type decision)"));
      } else if (!test.equals("carried") && !test.equals("atLeast")) {
        problem(where + "/" + test, who + " tests decision '" + subject + "' with '" + test + "'",
            "a decision is tested with 'carried: majority', 'carried: unanimous' or 'atLeast: N' (votes for)");
      } else if (test.equals("atLeast")) {
        value(FactType.INTEGER, List.of(), condition.atLeast().get(), where + "/atLeast", "votes for on '" + subject + "'");
      }
      return;
    }
    FactType type;
    List<String> allowed;
    String what;
    if (condition.fact().isPresent()) {
      Fact fact = facts.get(subject);
      if (fact == null) {
        problem(where + "/fact", who + " tests unknown fact '" + subject + "'", DidYouMean.hint(subject, facts.keySet(), "declared facts"));
        return;
      }
      if (fact.type() == FactType.DECISION) {
        problem(where + "/fact", who + " tests decision '" + subject + "' as a fact", "write 'decision: " + subject + "' with 'carried' or 'atLeast'");
        return;
      }
      type = fact.type();
      allowed = fact.values();
      what = "fact '" + subject + "'";
    } else {
      Attribute attribute = attributes.get(subject);
      if (attribute == null) {
        problem(where + "/attribute", who + " tests unknown attribute '" + subject + "'",
            DidYouMean.hint(subject, attributes.keySet(), "declared attributes"));
        return;
      }
      type = attribute.type();
      allowed = attribute.values();
      what = "attribute '" + subject + "'";
    }
    switch (test) {
      case "is":
      case "in":
        values(type, allowed, condition, where, what);
        break;
      case "carried":
        problem(where + "/carried", who + " uses 'carried' on " + what, "'carried' tests a decision: write 'decision:' instead");
        break;
      case "within":
        if (type != FactType.DATE) {
          problem(where + "/within", who + " uses 'within' on " + what + ", whose type is " + type.word(), "'within' tests a date");
        }
        break;
      case "before":
      case "after":
        if (type != FactType.DATE) {
          problem(where + "/" + test, who + " uses '" + test + "' on " + what + ", whose type is " + type.word(), "'" + test + "' tests a date");
        } else {
          String bound = test.equals("before") ? condition.before().get() : condition.after().get();
          if (!bound.equals(Condition.INCIDENT_DATE)) {
            value(FactType.DATE, List.of(), bound, where + "/" + test, what);
          }
        }
        break;
      default:
        if (type != FactType.INTEGER && type != FactType.DATE) {
          problem(where + "/" + test, who + " compares " + what + ", whose type is " + type.word(),
              "comparisons (atLeast, atMost, moreThan, lessThan, between) need an integer or a date");
          break;
        }
        List<String> bounds = test.equals("between") ? condition.between()
            : List.of(condition.atLeast().or(condition::atMost).or(condition::moreThan).or(condition::lessThan).orElseThrow());
        for (int b = 0; b < bounds.size(); b++) {
          if (!(type == FactType.DATE && bounds.get(b).equals(Condition.INCIDENT_DATE))) {
            value(type, List.of(), bounds.get(b), where + "/" + test + (test.equals("between") ? "/" + b : ""), what);
          }
        }
    }
  }

  private static List<String> tests(Condition condition) {
    List<String> tests = new ArrayList<>();
    condition.is().ifPresent(v -> tests.add("is"));
    if (!condition.in().isEmpty()) {
      tests.add("in");
    }
    condition.atLeast().ifPresent(v -> tests.add("atLeast"));
    condition.atMost().ifPresent(v -> tests.add("atMost"));
    condition.moreThan().ifPresent(v -> tests.add("moreThan"));
    condition.lessThan().ifPresent(v -> tests.add("lessThan"));
    if (!condition.between().isEmpty()) {
      tests.add("between");
    }
    condition.before().ifPresent(v -> tests.add("before"));
    condition.after().ifPresent(v -> tests.add("after"));
    condition.within().ifPresent(v -> tests.add("within"));
    condition.carried().ifPresent(v -> tests.add("carried"));
    return tests;
  }

  private Set<String> decisionIds() {
    return facts.values().stream().filter(f -> f.type() == FactType.DECISION).map(Fact::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private void facts() {
    for (int i = 0; i < policy.facts().size(); i++) {
      Fact fact = policy.facts().get(i);
      String at = "/facts/" + i;
      if (fact.type() == FactType.DECISION) {
        fact.body().ifPresent(b -> refer(offices, b, at + "/body", "decision '" + fact.id() + "' is taken by body", "offices"));
      } else if (fact.body().isPresent() || fact.quorum().isPresent()) {
        problem(at + "/" + (fact.body().isPresent() ? "body" : "quorum"), "fact '" + fact.id() + "' is " + fact.type().word()
            + ", but only a decision has a body and a quorum", "set 'type: decision' or remove 'body' and 'quorum'");
      }
    }
  }

  private void silences() {
    Set<String> silenceIds = new LinkedHashSet<>();
    for (int i = 0; i < policy.silent().size(); i++) {
      Silence silence = policy.silent().get(i);
      String at = "/silent/" + i;
      String who = "silence '" + silence.id() + "'";
      if (!silenceIds.add(silence.id())) {
        problem(at + "/id", "silence id '" + silence.id() + "' is used twice", "every silence needs an id of its own");
      }
      silence.clause().ifPresent(c -> refer(clauses, c, at + "/clause", who + " cites clause", "clauses"));
      for (int r = 0; r < silence.appliesTo().size(); r++) {
        String target = silence.appliesTo().get(r);
        if (!rolesAndGroups.contains(target)) {
          problem(at + "/appliesTo/" + r, who + " names unknown role '" + target + "'",
              DidYouMean.hint(target, rolesAndGroups, "declared roles and groups"));
        }
      }
      for (int c = 0; c < silence.categories().size(); c++) {
        refer(categories, silence.categories().get(c), at + "/categories/" + c, who + " names breach category", "breachCategories");
      }
    }
  }

  private void values(FactType type, List<String> allowed, Condition condition, String where, String what) {
    condition.is().ifPresent(v -> value(type, allowed, v, where + "/is", what));
    for (int i = 0; i < condition.in().size(); i++) {
      value(type, allowed, condition.in().get(i), where + "/in/" + i, what);
    }
  }

  private void value(FactType type, List<String> allowed, String value, String where, String what) {
    report(Vocabulary.value(type, allowed, value, what), where);
  }

  private void refer(Vocabulary.Kind kind, String id, String pointer, String what, String list) {
    report(vocabulary.unknown(kind, id, () -> what + " '" + id + "', which is not declared under '" + list + "'"), pointer);
  }

  private void report(Optional<Vocabulary.Finding> finding, String pointer) {
    finding.ifPresent(f -> problems.add(f.at(document, pointer)));
  }

  private void refer(Set<String> declared, String id, String pointer, String what, String list) {
    if (!declared.contains(id)) {
      String code = switch (list) {
        case "offices" -> Diagnostic.UNKNOWN_OFFICE;
        case "instruments" -> Diagnostic.UNKNOWN_INSTRUMENT;
        case "clauses" -> Diagnostic.UNKNOWN_CLAUSE;
        case "breachCategories" -> Diagnostic.UNKNOWN_CATEGORY;
        case "consequences" -> Diagnostic.UNKNOWN_CONSEQUENCE;
        default -> Diagnostic.INCONSISTENT;
      };
      problem(code, pointer, what + " '" + id + "', which is not declared under '" + list + "'",
          DidYouMean.hint(id, declared, "declared " + list));
    }
  }

  private void problem(String pointer, String message, String hint) {
    problem(Diagnostic.INCONSISTENT, pointer, message, hint);
  }

  private void problem(String code, String pointer, String message, String hint) {
    problems.add(document.diagnostic(code, pointer, message, hint));
  }

  private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.putIfAbsent(id.apply(item), item));
    return map;
  }
}
