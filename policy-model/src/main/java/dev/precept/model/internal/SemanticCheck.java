package dev.precept.model.internal;

import dev.precept.model.Attribute;
import dev.precept.model.Clause;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Group;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Diagnostic;
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

  private SemanticCheck(Policy policy, LocatedDocument document) {
    this.policy = policy;
    this.document = document;
    this.vocabulary = Vocabulary.of(policy);
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
    for (int s = 0; s < policy.sections().size(); s++) {
      Section section = policy.sections().get(s);
      for (int c = 0; c < section.clauses().size(); c++) {
        Clause clause = section.clauses().get(c);
        String at = "/sections/" + s + "/clauses/" + c;
        clause(clause, at);
        for (int i = 0; i < clause.items().size(); i++) {
          clause(clause.items().get(i), at + "/items/" + i);
        }
      }
    }
    for (int i = 0; i < policy.consequences().size(); i++) {
      consequence(policy.consequences().get(i), "/consequences/" + i);
    }
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
    uniqueIn("sections", policy.sections(), Section::id, "section");
    uniqueIn("consequences", policy.consequences(), Consequence::id, "consequence");
    Map<String, String> clauseIds = new HashMap<>();
    Map<String, String> exceptionIds = new HashMap<>();
    for (int s = 0; s < policy.sections().size(); s++) {
      List<Clause> list = policy.sections().get(s).clauses();
      for (int c = 0; c < list.size(); c++) {
        String at = "/sections/" + s + "/clauses/" + c;
        uniqueClause(clauseIds, exceptionIds, list.get(c), at);
        for (int i = 0; i < list.get(c).items().size(); i++) {
          uniqueClause(clauseIds, exceptionIds, list.get(c).items().get(i), at + "/items/" + i);
        }
      }
    }
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
      problem(Diagnostic.DUPLICATE_ID, pointer, what + " id '" + id + "' is already used by " + first.substring(0, first.lastIndexOf('/')),
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
      refer(Vocabulary.Kind.OFFICE, exception.office(), where + "/office", "exception '" + exception.id() + "' names office", "offices");
      conditions("exception '" + exception.id() + "'", exception.when(), where + "/when");
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
    consequence.actor().ifPresent(a -> refer(Vocabulary.Kind.OFFICE, a, at + "/actor", who + " names acting office", "offices"));
    consequence.procedure().ifPresent(p -> refer(Vocabulary.Kind.INSTRUMENT, p, at + "/procedure", who + " refers to instrument", "instruments"));
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
      Condition condition = conditions.get(i);
      String where = at + "/" + i;
      if (condition.fact().isPresent()) {
        String id = condition.fact().get();
        Fact fact = facts.get(id);
        if (fact == null) {
          report(vocabulary.unknown(Vocabulary.Kind.FACT, id, () -> who + " tests unknown fact '" + id + "'"), where + "/fact");
          continue;
        }
        values(fact.type(), fact.values(), condition, where, "fact '" + id + "'");
      } else if (condition.attribute().isPresent()) {
        String id = condition.attribute().get();
        Attribute attribute = attributes.get(id);
        if (attribute == null) {
          report(vocabulary.unknown(Vocabulary.Kind.ATTRIBUTE, id, () -> who + " tests unknown attribute '" + id + "'"), where + "/attribute");
          continue;
        }
        values(attribute.type(), attribute.values(), condition, where, "attribute '" + id + "'");
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
