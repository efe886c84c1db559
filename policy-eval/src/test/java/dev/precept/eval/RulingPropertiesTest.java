package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.model.Consequence;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.testkit.PolicyGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Invariants of rulings over seeded random incidents, on the seed policy and generated ones. */
class RulingPropertiesTest {
  private static final int CASES = 400;

  /** A random incident that uses the policy's own vocabulary (and sometimes leaves facts unknown). */
  static Incident randomIncident(Policy policy, Random random, int n) {
    Incident.Builder incident = Incident.builder().id("random-" + n);
    Person.Builder person = Person.builder();
    int roles = 1 + random.nextInt(2);
    for (int r = 0; r < roles; r++) {
      String role = policy.roles().get(random.nextInt(policy.roles().size())).id();
      if (!person.build().roles().contains(role)) {
        person.addRoles(role);
      }
    }
    incident.person(person.build());
    List<Clause> clauses = policy.allClauses();
    int concerned = 1 + random.nextInt(3);
    Set<String> chosen = new java.util.LinkedHashSet<>();
    for (int c = 0; c < concerned; c++) {
      chosen.add(clauses.get(random.nextInt(clauses.size())).id());
    }
    incident.addAllClauses(chosen);
    if (random.nextInt(4) == 0 && !policy.breachCategories().isEmpty()) {
      incident.addCategories(policy.breachCategories().get(random.nextInt(policy.breachCategories().size())).id());
    }
    for (Fact fact : policy.facts()) {
      if (random.nextBoolean()) {
        incident.putFact(fact.id(), fact.type() == FactType.ENUM
            ? fact.values().get(random.nextInt(fact.values().size()))
            : Boolean.toString(random.nextBoolean()));
      }
    }
    if (random.nextInt(3) == 0 && !policy.offices().isEmpty()) {
      incident.addPermissions(Permission.builder()
          .office(policy.offices().get(random.nextInt(policy.offices().size())).id())
          .given(random.nextBoolean() ? Permission.Given.BEFORE : Permission.Given.AFTER)
          .form(random.nextBoolean() ? PermissionForm.WRITTEN : PermissionForm.VERBAL)
          .build());
    }
    return incident.build();
  }

  private static List<Policy> policies() {
    List<Policy> policies = new ArrayList<>();
    policies.add(SeedPolicy.POLICY);
    for (long seed = 1; seed <= 5; seed++) {
      policies.add(PolicyGenerator.generate(seed, 20 + (int) seed * 7));
    }
    return policies;
  }

  @Test
  void theSameInputsGiveByteIdenticalJsonEvenFromAFreshEvaluator() {
    for (Policy policy : policies()) {
      Evaluator one = Evaluator.of(policy);
      Evaluator two = Evaluator.of(policy);
      Random random = new Random(policy.id().hashCode());
      for (int n = 0; n < CASES; n++) {
        Incident incident = randomIncident(policy, random, n);
        assertEquals(Rulings.toJson(one.rule(incident)), Rulings.toJson(two.rule(incident)), "incident " + n + " of " + policy.id());
      }
    }
  }

  @Test
  void everyIdARulingCitesExistsInThePolicy() {
    for (Policy policy : policies()) {
      Evaluator evaluator = Evaluator.of(policy);
      Set<String> clauses = policy.allClauses().stream().map(Clause::id).collect(Collectors.toSet());
      Set<String> consequences = policy.consequences().stream().map(Consequence::id).collect(Collectors.toSet());
      Set<String> exceptions = policy.allClauses().stream().flatMap(c -> c.exceptions().stream()).map(e -> e.id()).collect(Collectors.toSet());
      Random random = new Random(11);
      for (int n = 0; n < CASES; n++) {
        Ruling ruling = evaluator.rule(randomIncident(policy, random, n));
        for (ClauseRuling clause : ruling.clauses()) {
          assertTrue(clauses.contains(clause.clause()));
          clause.exception().ifPresent(e -> assertTrue(exceptions.contains(e), e));
        }
        for (ConsequenceRuling consequence : ruling.consequences()) {
          assertTrue(consequences.contains(consequence.consequence()));
          assertTrue(clauses.contains(consequence.source()));
          consequence.breaches().forEach(b -> assertTrue(clauses.contains(b), b));
        }
        ruling.unspecified().forEach(u -> assertTrue(clauses.contains(u), u));
      }
    }
  }

  @Test
  void anExcusedOrInapplicableClauseNeverYieldsAConsequence() {
    for (Policy policy : policies()) {
      Evaluator evaluator = Evaluator.of(policy);
      Random random = new Random(23);
      for (int n = 0; n < CASES; n++) {
        Ruling ruling = evaluator.rule(randomIncident(policy, random, n));
        Map<String, Outcome> outcomes = ruling.clauses().stream().collect(Collectors.toMap(ClauseRuling::clause, ClauseRuling::outcome));
        for (ConsequenceRuling consequence : ruling.consequences()) {
          for (String breach : consequence.breaches()) {
            Outcome outcome = outcomes.get(breach);
            assertTrue(outcome == Outcome.BREACHED || outcome == Outcome.UNDETERMINED,
                consequence.consequence() + " answers to " + breach + " which was " + outcome);
          }
        }
      }
    }
  }

  @Test
  void aRulingNeverNamesAConsequenceOutsideThePersonsRoles() {
    for (Policy policy : policies()) {
      Evaluator evaluator = Evaluator.of(policy);
      Random random = new Random(31);
      for (int n = 0; n < CASES; n++) {
        Incident incident = randomIncident(policy, random, n);
        Ruling ruling = evaluator.rule(incident);
        for (ConsequenceRuling consequence : ruling.consequences()) {
          Consequence declared = policy.consequences().stream().filter(c -> c.id().equals(consequence.consequence())).findFirst().orElseThrow();
          List<String> path = consequence.scope();
          assertTrue(incident.person().roles().contains(path.get(0)), "path starts at a held role: " + path);
          assertTrue(declared.appliesTo().contains(path.get(path.size() - 1)), "path ends within the consequence: " + path);
          for (int i = 1; i < path.size(); i++) {
            String from = path.get(i - 1);
            String to = path.get(i);
            List<String> memberOf = policy.role(from).map(r -> r.memberOf()).or(() -> policy.group(from).map(g -> g.memberOf())).orElseThrow();
            assertTrue(memberOf.contains(to), from + " is not a member of " + to);
          }
        }
      }
    }
  }

  @Test
  void sixteenThreadsRulingTheSameIncidentsGiveIdenticalRulings() throws Exception {
    Evaluator evaluator = SeedPolicy.EVALUATOR;
    Random random = new Random(5);
    List<Incident> incidents = new ArrayList<>();
    for (int n = 0; n < 200; n++) {
      incidents.add(randomIncident(SeedPolicy.POLICY, random, n));
    }
    List<String> expected = incidents.stream().map(i -> Rulings.toJson(evaluator.rule(i))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        futures.add(pool.submit(() -> incidents.stream().map(i -> Rulings.toJson(evaluator.rule(i))).toList()));
      }
      for (Future<List<String>> future : futures) {
        assertEquals(expected, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
