package dev.precept.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.Attribute;
import dev.precept.model.Consequence;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.model.DutyStep;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.LocatedDocument;
import dev.precept.eval.internal.FactValues;
import dev.precept.model.Policy;
import dev.precept.model.internal.Vocabulary;
import dev.precept.model.internal.Vocabulary.Finding;
import dev.precept.model.internal.Vocabulary.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The check of an incident against a policy's vocabulary, for an incident read from a file and for
 * one built in Java alike: every role, clause, category, office and fact must be declared, and
 * every fact and attribute value must fit its declared type; the rule language's records (a
 * body's votes, how far a staged consequence got, when duty steps were done) must name what the
 * policy declares and be possible. The names themselves are checked by the model's
 * {@link Vocabulary}, which the policy validator uses too.
 */
final class IncidentCheck {
  private final Vocabulary vocabulary;
  private final String policyId;
  private final Set<String> decisions = new LinkedHashSet<>();
  private final Map<String, Consequence> stepConsequences = new LinkedHashMap<>();
  private final Set<String> dutySteps = new LinkedHashSet<>();

  IncidentCheck(Policy policy) {
    this.vocabulary = Vocabulary.of(policy);
    this.policyId = policy.id();
    policy.facts().stream().filter(f -> f.type() == FactType.DECISION).map(Fact::id).sorted().forEach(decisions::add);
    policy.consequences().stream().filter(c -> !c.outcomes().isEmpty()).forEach(c -> stepConsequences.putIfAbsent(c.id(), c));
    policy.allClauses().stream().flatMap(c -> c.duty().stream()).map(DutyStep::id).forEach(dutySteps::add);
  }

  /**
   * Every problem in an incident built in Java, reported under {@code incident 'ID'} with JSON
   * pointers as a file would have them.
   */
  List<Diagnostic> check(Incident incident) {
    if (clean(incident)) {
      return List.of();
    }
    String source = "incident '" + incident.id() + "'";
    List<Diagnostic> found = new ArrayList<>();
    BiFunction<Finding, String, Diagnostic> place = (f, pointer) -> f.in(source, pointer);
    if (incident.id().isEmpty()) {
      found.add(new Finding(Diagnostic.MISSING, null, "the incident has no id",
          "give the reference your system files it under: id(\"HR-2016-0142\")").in(source, "/id"));
    }
    if (incident.person().roles().isEmpty()) {
      found.add(new Finding(Diagnostic.MISSING, null, "the person holds no role",
          "say who acted: Person.holding(\"staff\")").in(source, "/person/roles"));
    }
    if (incident.clauses().isEmpty() && incident.categories().isEmpty()) {
      found.add(new Finding(Diagnostic.MISSING, null, "the incident concerns no clause and no breach category",
          "say what the person did: addClauses(\"conduct.name-and-logo\") or addCategories(\"safeguarding\")")
          .in(source, ""));
    }
    List<String> roles = incident.person().roles();
    for (int i = 0; i < roles.size(); i++) {
      add(found, vocabulary.unknown(Kind.ROLE, roles.get(i)), "/person/roles/" + i, place);
    }
    for (Map.Entry<String, String> attribute : incident.person().attributes().entrySet()) {
      String name = attribute.getKey();
      String at = "/person/attributes/" + escape(name);
      Optional<Attribute> declared = vocabulary.attribute(name);
      if (declared.isEmpty()) {
        add(found, vocabulary.unknown(Kind.ATTRIBUTE, name), at, place);
      } else {
        add(found, Vocabulary.value(declared.get().type(), declared.get().values(), attribute.getValue(),
            "attribute '" + name + "'"), at, place);
      }
    }
    ids(found, incident.clauses(), Kind.CLAUSE, "/clauses/", place);
    ids(found, incident.categories(), Kind.CATEGORY, "/categories/", place);
    for (Map.Entry<String, String> fact : incident.facts().entrySet()) {
      String name = fact.getKey();
      String at = "/facts/" + escape(name);
      Optional<Fact> declared = vocabulary.fact(name);
      if (declared.isEmpty()) {
        add(found, vocabulary.unknown(Kind.FACT, name), at, place);
      } else {
        add(found, Vocabulary.value(declared.get().type(), declared.get().values(), fact.getValue(),
            "fact '" + name + "'"), at, place);
      }
    }
    for (int i = 0; i < incident.permissions().size(); i++) {
      Permission permission = incident.permissions().get(i);
      add(found, vocabulary.unknown(Kind.OFFICE, permission.office()), "/permissions/" + i + "/office", place);
      int index = i;
      permission.clause().ifPresent(c -> add(found, vocabulary.unknown(Kind.CLAUSE, c),
          "/permissions/" + index + "/clause", place));
    }
    incident.decisions().forEach((id, votes) -> add(found, decision(id, votes.votesFor(), votes.votesAgainst(),
        votes.abstained(), votes.members()), "/decisions/" + escape(id), place));
    incident.steps().forEach((id, outcome) -> add(found, step(id, outcome), "/steps/" + escape(id), place));
    incident.done().forEach((id, when) -> add(found, done(id, when), "/done/" + escape(id), place));
    return found;
  }

  /**
   * Whether a built incident has no problem at all, the usual case, answered without building any
   * message or pointer; {@link #check(Incident)} lists the problems when it has some.
   */
  private boolean clean(Incident incident) {
    List<String> roles = incident.person().roles();
    if (incident.id().isEmpty() || roles.isEmpty() || incident.clauses().isEmpty() && incident.categories().isEmpty()) {
      return false;
    }
    for (int i = 0; i < roles.size(); i++) {
      if (!vocabulary.knows(Kind.ROLE, roles.get(i))) {
        return false;
      }
    }
    for (Map.Entry<String, String> attribute : incident.person().attributes().entrySet()) {
      Attribute declared = vocabulary.attribute(attribute.getKey()).orElse(null);
      if (declared == null || !FactValues.fits(declared.type(), declared.values(), attribute.getValue())) {
        return false;
      }
    }
    for (int i = 0; i < incident.clauses().size(); i++) {
      if (!vocabulary.knows(Kind.CLAUSE, incident.clauses().get(i))) {
        return false;
      }
    }
    for (int i = 0; i < incident.categories().size(); i++) {
      if (!vocabulary.knows(Kind.CATEGORY, incident.categories().get(i))) {
        return false;
      }
    }
    for (Map.Entry<String, String> fact : incident.facts().entrySet()) {
      Fact declared = vocabulary.fact(fact.getKey()).orElse(null);
      if (declared == null || !FactValues.fits(declared.type(), declared.values(), fact.getValue())) {
        return false;
      }
    }
    for (int i = 0; i < incident.permissions().size(); i++) {
      Permission permission = incident.permissions().get(i);
      if (!vocabulary.knows(Kind.OFFICE, permission.office())
          || permission.clause().isPresent() && !vocabulary.knows(Kind.CLAUSE, permission.clause().get())) {
        return false;
      }
    }
    for (Map.Entry<String, CollectiveDecision> decision : incident.decisions().entrySet()) {
      CollectiveDecision votes = decision.getValue();
      if (decision(decision.getKey(), votes.votesFor(), votes.votesAgainst(), votes.abstained(), votes.members()).isPresent()) {
        return false;
      }
    }
    for (Map.Entry<String, String> step : incident.steps().entrySet()) {
      if (step(step.getKey(), step.getValue()).isPresent()) {
        return false;
      }
    }
    for (Map.Entry<String, String> done : incident.done().entrySet()) {
      if (done(done.getKey(), done.getValue()).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every vocabulary problem in the incident at {@code pointer} of a document, except at pointers
   * the schema has already spoken about ({@code skip}). Works on a tree that failed its schema
   * too, so a clerk sees every problem at once.
   */
  List<Diagnostic> check(LocatedDocument document, String pointer, Set<String> skip) {
    List<Diagnostic> found = new ArrayList<>();
    JsonNode incident = document.at(pointer).orElse(null);
    if (incident == null || !incident.isObject()) {
      return found;
    }
    BiFunction<Finding, String, Diagnostic> place = (f, at) -> skip.contains(at) ? null : f.at(document, at);
    if (incident.path("clauses").isEmpty() && incident.path("categories").isEmpty()) {
      found.add(document.diagnostic(Diagnostic.MISSING, pointer, "the incident concerns no clause and no breach category",
          "say what the person did: 'clauses: [conduct.name-and-logo]' or 'categories: [safeguarding]'"));
    }
    JsonNode person = incident.path("person");
    texts(found, person.path("roles"), Kind.ROLE, pointer + "/person/roles/", place);
    values(found, person.path("attributes"), pointer + "/person/attributes/", true, place);
    texts(found, incident.path("clauses"), Kind.CLAUSE, pointer + "/clauses/", place);
    texts(found, incident.path("categories"), Kind.CATEGORY, pointer + "/categories/", place);
    values(found, incident.path("facts"), pointer + "/facts/", false, place);
    JsonNode permissions = incident.path("permissions");
    for (int i = 0; i < permissions.size(); i++) {
      JsonNode permission = permissions.get(i);
      String at = pointer + "/permissions/" + i;
      if (permission.path("office").isTextual()) {
        add(found, vocabulary.unknown(Kind.OFFICE, permission.path("office").asText()), at + "/office", place);
      }
      if (permission.path("clause").isTextual()) {
        add(found, vocabulary.unknown(Kind.CLAUSE, permission.path("clause").asText()), at + "/clause", place);
      }
      if ("before".equals(permission.path("given").asText())) {
        found.add(Diagnostic.builder().from(document.diagnostic(Diagnostic.DEPRECATED, at + "/given", "before",
            "'given: before' is the old word for 'given: prior'",
            "write 'given: prior', the word the policy's exceptions use ('timing: prior')"))
            .severity(Diagnostic.Severity.WARNING).build());
      }
    }
    // The rule language's records: decisions of bodies, steps reached, duties done. The schema has
    // checked their shapes; a value of the wrong type is left to it.
    Iterator<Map.Entry<String, JsonNode>> decided = incident.path("decisions").properties().iterator();
    while (decided.hasNext()) {
      Map.Entry<String, JsonNode> decision = decided.next();
      JsonNode votes = decision.getValue();
      String at = pointer + "/decisions/" + escape(decision.getKey());
      if (skip.stream().anyMatch(p -> p.startsWith(at + "/"))) {
        continue;
      }
      add(found, decision(decision.getKey(), votes.path("for").asInt(), votes.path("against").asInt(),
          votes.path("abstained").asInt(), votes.path("members").asInt()), pointer + "/decisions/" + escape(decision.getKey()), place);
    }
    Iterator<Map.Entry<String, JsonNode>> reached = incident.path("steps").properties().iterator();
    while (reached.hasNext()) {
      Map.Entry<String, JsonNode> step = reached.next();
      if (step.getValue().isTextual()) {
        add(found, step(step.getKey(), step.getValue().asText()), pointer + "/steps/" + escape(step.getKey()), place);
      }
    }
    Iterator<Map.Entry<String, JsonNode>> done = incident.path("done").properties().iterator();
    while (done.hasNext()) {
      Map.Entry<String, JsonNode> entry = done.next();
      if (entry.getValue().isTextual()) {
        add(found, done(entry.getKey(), entry.getValue().asText()), pointer + "/done/" + escape(entry.getKey()), place);
      }
    }
    found.removeIf(d -> d == null);
    return found;
  }

  /** A body's recorded votes: the decision must be declared, the counts possible. */
  private Optional<Finding> decision(String id, int votesFor, int against, int abstained, int members) {
    if (!decisions.contains(id)) {
      return Optional.of(new Finding(Diagnostic.UNKNOWN_FACT, null, "unknown decision '" + id + "': policy " + policyId
          + " declares no such decision", DidYouMean.hint(id, decisions, "declared decisions")));
    }
    if (votesFor < 0 || against < 0 || abstained < 0) {
      return Optional.of(new Finding(Diagnostic.INCONSISTENT, null, "decision '" + id + "' records a negative number of votes",
          "count the members who voted for, against and abstained: 0 or more each"));
    }
    if (members < 1) {
      return Optional.of(new Finding(Diagnostic.INCONSISTENT, null, "decision '" + id + "' is by a body of " + members + " members",
          "give the number of members of the body, present or not: at least 1"));
    }
    int present = votesFor + against + abstained;
    if (present > members) {
      return Optional.of(new Finding(Diagnostic.INCONSISTENT, null, "decision '" + id + "' records " + present
          + " votes but the body has " + members + " members", "votes for, against and abstaining together cannot exceed the members"));
    }
    return Optional.empty();
  }

  /** How far a staged consequence got: a consequence with outcomes, and one of them. */
  private Optional<Finding> step(String id, String outcome) {
    Consequence consequence = stepConsequences.get(id);
    if (consequence == null) {
      return Optional.of(new Finding(Diagnostic.UNKNOWN_CONSEQUENCE, null, "unknown step '" + id + "': no consequence of policy "
          + policyId + " with that id has outcomes", DidYouMean.hint(id, stepConsequences.keySet(), "steps with outcomes")));
    }
    if (!consequence.outcomes().contains(outcome)) {
      return Optional.of(new Finding(Diagnostic.UNKNOWN_VALUE, null, "step '" + id + "' cannot end '" + outcome + "'",
          DidYouMean.hint(outcome, consequence.outcomes(), "its outcomes")));
    }
    return Optional.empty();
  }

  /** When a duty step was done: a declared step, and a time or {@code not-done}. */
  private Optional<Finding> done(String step, String when) {
    if (!dutySteps.contains(step)) {
      return Optional.of(new Finding(Diagnostic.UNKNOWN_CLAUSE, null, "unknown duty step '" + step + "': no duty of policy "
          + policyId + " has that step", DidYouMean.hint(step, dutySteps, "duty steps")));
    }
    if (!when.equals("not-done")) {
      try {
        java.time.LocalDateTime.parse(when);
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.of(new Finding(Diagnostic.TYPE_MISMATCH, null, "step '" + step + "' cannot be done '" + when
            + "': expected a time YYYY-MM-DDTHH:MM or not-done", "for example 2026-03-02T09:00"));
      }
    }
    return Optional.empty();
  }

  private void texts(List<Diagnostic> found, JsonNode array, Kind kind, String base,
      BiFunction<Finding, String, Diagnostic> place) {
    if (!array.isArray()) {
      return; // a mapping or a text where a list belongs: the schema says so, at its place
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual()) {
        add(found, vocabulary.unknown(kind, array.get(i).asText()), base + i, place);
      }
    }
  }

  private void values(List<Diagnostic> found, JsonNode values, String base, boolean attributes,
      BiFunction<Finding, String, Diagnostic> place) {
    Iterator<Map.Entry<String, JsonNode>> fields = values.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      String at = base + escape(name);
      Kind kind = attributes ? Kind.ATTRIBUTE : Kind.FACT;
      Optional<FactType> type = attributes ? vocabulary.attribute(name).map(Attribute::type) : vocabulary.fact(name).map(Fact::type);
      if (type.isEmpty()) {
        add(found, vocabulary.unknown(kind, name), at, place);
        continue;
      }
      List<String> allowed = attributes ? vocabulary.attribute(name).orElseThrow().values()
          : vocabulary.fact(name).orElseThrow().values();
      JsonNode value = field.getValue();
      if (value.isValueNode() && !value.isNull()) {
        add(found, Vocabulary.value(type.get(), allowed, value, kind.word() + " '" + name + "'"), at, place);
      }
    }
  }

  private void ids(List<Diagnostic> found, List<String> ids, Kind kind, String base,
      BiFunction<Finding, String, Diagnostic> place) {
    for (int i = 0; i < ids.size(); i++) {
      add(found, vocabulary.unknown(kind, ids.get(i)), base + i, place);
    }
  }

  private static void add(List<Diagnostic> found, Optional<Finding> finding, String pointer,
      BiFunction<Finding, String, Diagnostic> place) {
    finding.ifPresent(f -> found.add(place.apply(f, pointer)));
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
