package dev.precept.model.internal;

import dev.precept.model.Attribute;
import dev.precept.model.Clause;
import dev.precept.model.DidYouMean;
import dev.precept.model.ClauseException;
import dev.precept.model.Condition;
import dev.precept.model.Consequence;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Group;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Problem;
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
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> rolesAndGroups = new LinkedHashSet<>();
  private final Set<String> groups = new LinkedHashSet<>();
  private final Set<String> offices;
  private final Set<String> categories;
  private final Set<String> instruments;
  private final Set<String> clauses = new LinkedHashSet<>();
  private final Map<String, Fact> facts;
  private final Map<String, Attribute> attributes;

  private SemanticCheck(Policy policy, LocatedDocument document) {
    this.policy = policy;
    this.document = document;
    policy.roles().forEach(r -> rolesAndGroups.add(r.id()));
    policy.groups().forEach(g -> {
      rolesAndGroups.add(g.id());
      groups.add(g.id());
    });
    offices = ids(policy.offices(), o -> o.id());
    categories = ids(policy.breachCategories(), b -> b.id());
    instruments = ids(policy.instruments(), i -> i.id());
    policy.allClauses().forEach(c -> clauses.add(c.id()));
    facts = byId(policy.facts(), Fact::id);
    attributes = byId(policy.attributes(), Attribute::id);
  }

  /** Every semantic problem in a policy read from this document. */
  public static List<Problem> check(Policy policy, LocatedDocument document) {
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
      problem(pointer, what + " id '" + id + "' is already used by " + first.substring(0, first.lastIndexOf('/')),
          "every " + what + " needs an id of its own");
    }
  }

  private void metadata(Metadata metadata) {
    String body = metadata.approval().body();
    refer(offices, body, "/metadata/approval/body", "approving body", "offices");
    Set<String> signing = new LinkedHashSet<>();
    for (int i = 0; i < metadata.signatories().size(); i++) {
      String office = metadata.signatories().get(i).office();
      String at = "/metadata/signatories/" + i + "/office";
      refer(offices, office, at, "signatory", "offices");
      if (!signing.add(office)) {
        problem(at, "office '" + office + "' signs twice", "list each signing office once");
      }
    }
    Metadata.Dates dates = metadata.dates();
    dates.approved().ifPresent(approved -> {
      if (approved.isBefore(dates.drafted())) {
        problem("/metadata/dates/approved", "approved " + approved + " is before drafted " + dates.drafted(),
            "an edition is approved after it is drafted");
      }
    });
    dates.effective().ifPresent(effective -> dates.approved().ifPresent(approved -> {
      if (effective.isBefore(approved)) {
        problem("/metadata/dates/effective", "effective " + effective + " is before approved " + approved,
            "an edition takes effect once approved");
      }
    }));
    if (metadata.status() == Status.APPROVED && dates.approved().isEmpty()) {
      problem("/metadata/dates", "status is 'approved' but no approval date is given",
          "add 'approved: YYYY-MM-DD' under dates, or set status to 'draft'");
    }
    if (metadata.reviewFrequency().isZero() || metadata.reviewFrequency().isNegative()) {
      problem("/metadata/reviewFrequency", "review frequency must be a positive period", "for example P1Y");
    }
    // Revision entries are events, not editions: a review with no change repeats the version.
  }

  private void role(Role role, String at) {
    memberships("role '" + role.id() + "'", role.memberOf(), at + "/memberOf");
    role.attributes().forEach((name, value) -> {
      String where = at + "/attributes/" + LocatedTreeReader.escape(name);
      Attribute attribute = attributes.get(name);
      if (attribute == null) {
        problem(where, "role '" + role.id() + "' sets unknown attribute '" + name + "'",
            DidYouMean.hint(name, attributes.keySet(), "declared attributes"));
      } else {
        value(attribute.type(), attribute.values(), value, where, "attribute '" + name + "'");
      }
    });
  }

  private void memberships(String who, List<String> memberOf, String at) {
    for (int i = 0; i < memberOf.size(); i++) {
      String group = memberOf.get(i);
      if (!groups.contains(group)) {
        problem(at + "/" + i, who + " is a member of unknown group '" + group + "'",
            DidYouMean.hint(group, groups, "declared groups"));
      }
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
          problem("/groups/" + index.get(first) + "/memberOf",
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
      if (!rolesAndGroups.contains(target)) {
        problem(at + "/appliesTo/" + i, who + " names unknown role '" + target + "'",
            DidYouMean.hint(target, rolesAndGroups, "declared roles and groups"));
      }
    }
    clause.category().ifPresent(c -> refer(categories, c, at + "/category", who + " has breach category", "breachCategories"));
    conditions(who, clause.when(), at + "/when");
    for (int i = 0; i < clause.references().size(); i++) {
      refer(instruments, clause.references().get(i), at + "/references/" + i, who + " refers to instrument", "instruments");
    }
    for (int i = 0; i < clause.offices().size(); i++) {
      refer(offices, clause.offices().get(i), at + "/offices/" + i, who + " names office", "offices");
    }
    for (int i = 0; i < clause.exceptions().size(); i++) {
      ClauseException exception = clause.exceptions().get(i);
      String where = at + "/exceptions/" + i;
      refer(offices, exception.office(), where + "/office", "exception '" + exception.id() + "' names office", "offices");
      conditions("exception '" + exception.id() + "'", exception.when(), where + "/when");
    }
    if (!clause.exceptions().isEmpty() && clause.category().isEmpty()) {
      problem(at + "/exceptions", who + " has exceptions but no breach category, so nothing it excuses can be breached",
          "give the clause a 'category'");
    }
  }

  private void consequence(Consequence consequence, String at) {
    String who = "consequence '" + consequence.id() + "'";
    refer(clauses, consequence.clause(), at + "/clause", who + " cites clause", "clauses");
    for (int i = 0; i < consequence.appliesTo().size(); i++) {
      String target = consequence.appliesTo().get(i);
      if (!rolesAndGroups.contains(target)) {
        problem(at + "/appliesTo/" + i, who + " names unknown role '" + target + "'",
            DidYouMean.hint(target, rolesAndGroups, "declared roles and groups"));
      }
    }
    for (int i = 0; i < consequence.categories().size(); i++) {
      refer(categories, consequence.categories().get(i), at + "/categories/" + i, who + " answers to breach category", "breachCategories");
    }
    consequence.actor().ifPresent(a -> refer(offices, a, at + "/actor", who + " names acting office", "offices"));
    consequence.procedure().ifPresent(p -> refer(instruments, p, at + "/procedure", who + " refers to instrument", "instruments"));
    conditions(who, consequence.when(), at + "/when");
    Set<String> consequenceIds = ids(policy.consequences(), Consequence::id);
    for (int i = 0; i < consequence.excludes().size(); i++) {
      String other = consequence.excludes().get(i);
      if (other.equals(consequence.id())) {
        problem(at + "/excludes/" + i, who + " excludes itself", "list the other consequences it cannot follow with");
      } else {
        refer(consequenceIds, other, at + "/excludes/" + i, who + " excludes consequence", "consequences");
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
          problem(where + "/fact", who + " tests unknown fact '" + id + "'", DidYouMean.hint(id, facts.keySet(), "declared facts"));
          continue;
        }
        values(fact.type(), fact.values(), condition, where, "fact '" + id + "'");
      } else if (condition.attribute().isPresent()) {
        String id = condition.attribute().get();
        Attribute attribute = attributes.get(id);
        if (attribute == null) {
          problem(where + "/attribute", who + " tests unknown attribute '" + id + "'",
              DidYouMean.hint(id, attributes.keySet(), "declared attributes"));
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
    String expected = type.problemWith(value, allowed).orElse(null);
    if (expected != null) {
      problem(where, what + " cannot be '" + value + "': " + expected,
          type == FactType.ENUM ? DidYouMean.hint(value, allowed, "allowed values") : null);
    }
  }

  private void refer(Set<String> declared, String id, String pointer, String what, String list) {
    if (!declared.contains(id)) {
      problem(pointer, what + " '" + id + "', which is not declared under '" + list + "'",
          DidYouMean.hint(id, declared, "declared " + list));
    }
  }

  private void problem(String pointer, String message, String hint) {
    problems.add(document.problem(pointer, message, hint));
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
