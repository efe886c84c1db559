package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precept.model.Clause;
import dev.precept.model.Condition;
import dev.precept.model.Policy;
import dev.precept.model.Section;
import dev.precept.model.PolicyLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Laws of the condition language over seeded random conditions and incidents (a failure names its
 * seed): double negation, one-part any/all, unrelated clauses, and determinism across threads for
 * every policy of the semantics corpus.
 */
class ConditionPropertiesTest {
  private static final int CASES = 300;
  private static final long SEED = 20261125L;

  private static final Policy BASE = PolicyLoader.standard().parse("""
      schemaVersion: 1
      id: laws
      metadata:
        organisation: Example
        title: Laws
        version: "1"
        status: draft
        dates: {drafted: 2026-01-01}
        reviewFrequency: P1Y
        approval: {body: board}
        signatories: [{office: board}]
      roles:
        - {id: staff, title: Staff, attributes: {adult: true}}
        - {id: pupil, title: Pupils, attributes: {adult: false}}
      offices:
        - {id: board, title: Board}
      attributes:
        - {id: adult, type: boolean, description: 'Adult?'}
      facts:
        - {id: flag, type: boolean, description: 'Flag?'}
        - {id: count, type: integer, description: 'How many?'}
        - {id: colour, type: enum, values: [red, green, blue], description: 'Which?'}
        - {id: day, type: date, description: 'When?'}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.one, kind: prohibition, text: A rule., category: conduct}
      consequences:
        - {id: warning, clause: rules.one, appliesTo: [staff, pupil], modality: may, action: lead to a warning}
        - {id: review, clause: rules.one, appliesTo: [staff], modality: must, action: be reviewed}
      """, "laws.yaml");

  static Condition randomCondition(Random random, int depth) {
    int pick = random.nextInt(depth <= 0 ? 6 : 9);
    switch (pick) {
      case 0:
        return Condition.builder().fact("flag").is(Boolean.toString(random.nextBoolean())).build();
      case 1:
        return Condition.builder().fact("count").atLeast(Integer.toString(random.nextInt(5))).build();
      case 2:
        int low = random.nextInt(4);
        return Condition.builder().fact("count").addBetween(Integer.toString(low), Integer.toString(low + random.nextInt(3))).build();
      case 3:
        return Condition.builder().fact("colour").addIn("red", random.nextBoolean() ? "green" : "blue").build();
      case 4:
        return Condition.builder().fact("day").within(random.nextBoolean() ? "P1M" : "P1Y").build();
      case 5:
        return Condition.builder().attribute("adult").is(Boolean.toString(random.nextBoolean())).build();
      case 6:
        return Condition.negation(randomCondition(random, depth - 1));
      case 7:
        return Condition.allOf(List.of(randomCondition(random, depth - 1), randomCondition(random, depth - 1)));
      default:
        return Condition.anyOf(List.of(randomCondition(random, depth - 1), randomCondition(random, depth - 1)));
    }
  }

  static Incident randomIncident(Random random, int n) {
    Incident.Builder incident = Incident.builder().id("i" + n)
        .person(Person.holding(random.nextBoolean() ? "staff" : "pupil")).addClauses("rules.one");
    if (random.nextInt(4) > 0) {
      incident.date(java.time.LocalDate.of(2026, 6, 1));
    }
    if (random.nextInt(3) > 0) {
      incident.putFact("flag", Boolean.toString(random.nextBoolean()));
    }
    if (random.nextInt(3) > 0) {
      incident.putFact("count", Integer.toString(random.nextInt(7)));
    }
    if (random.nextInt(3) > 0) {
      incident.putFact("colour", List.of("red", "green", "blue").get(random.nextInt(3)));
    }
    if (random.nextInt(3) > 0) {
      incident.putFact("day", java.time.LocalDate.of(2026, 6, 1).minusDays(random.nextInt(500)).toString());
    }
    return incident.build();
  }

  /** The policy with the rule's condition (and the warning's) rewritten. */
  static Policy withRule(Policy base, List<Condition> when) {
    Clause rule = base.clause("rules.one").orElseThrow();
    Section section = Section.builder().from(base.sections().get(0))
        .clauses(java.util.List.of(Clause.builder().from(rule).when(when).build())).build();
    return Policy.builder().from(base).sections(java.util.List.of(section))
        .consequences(java.util.List.of(dev.precept.model.Consequence.builder().from(base.consequences().get(0)).when(when).build(),
            base.consequences().get(1))).build();
  }

  /** What a reader of the ruling would see, without the digest (which differs between policies). */
  static String outcome(Ruling ruling) {
    StringBuilder out = new StringBuilder();
    ruling.clauses().forEach(c -> out.append(c.clause()).append('=').append(c.outcome().word()).append(c.undecidedBy()).append(';'));
    ruling.consequences().forEach(c -> out.append(c.consequence()).append('/').append(c.modality().word()).append('/')
        .append(c.status()).append(';'));
    out.append(ruling.unspecified()).append(ruling.diagnostics());
    return out.toString();
  }

  private static void law(String name, UnaryOperator<Condition> rewrite) {
    Random random = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      Condition condition = randomCondition(random, 3);
      Evaluator plain = Evaluator.of(withRule(BASE, List.of(condition)));
      Evaluator rewritten = Evaluator.of(withRule(BASE, List.of(rewrite.apply(condition))));
      for (int i = 0; i < 8; i++) {
        Incident incident = randomIncident(random, i);
        assertEquals(outcome(plain.rule(incident)), outcome(rewritten.rule(incident)),
            name + " (seed " + SEED + ", case " + n + "): " + condition + " on " + incident);
      }
    }
  }

  @Test
  void notOfNotRulesLikeTheConditionItself() {
    law("not(not c)", c -> Condition.negation(Condition.negation(c)));
  }

  @Test
  void anyOfOneConditionRulesLikeTheCondition() {
    law("any(c)", c -> Condition.anyOf(List.of(c)));
  }

  @Test
  void allOfOneConditionRulesLikeTheCondition() {
    law("all(c)", c -> Condition.allOf(List.of(c)));
  }

  @Test
  void anyOfAConditionAndItsNegationNeverDefeatsTheRule() {
    Random random = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      Condition condition = randomCondition(random, 2);
      Evaluator evaluator = Evaluator.of(withRule(BASE, List.of(Condition.anyOf(List.of(condition, Condition.negation(condition))))));
      Incident incident = randomIncident(random, n);
      Outcome outcome = evaluator.rule(incident).clause("rules.one").orElseThrow().outcome();
      assertEquals(true, outcome != Outcome.NOT_APPLICABLE, "seed " + SEED + ", case " + n + ": " + condition);
    }
  }

  @Test
  void addingAnUnrelatedClauseNeverChangesARuling() {
    Random random = new Random(SEED);
    for (int n = 0; n < CASES; n++) {
      Policy policy = withRule(BASE, List.of(randomCondition(random, 3)));
      Clause unrelated = Clause.builder().id("rules.unrelated").kind(dev.precept.model.ClauseKind.PROHIBITION)
          .text("Another rule.").category("conduct").addWhen(randomCondition(random, 2)).build();
      Section section = Section.builder().from(policy.sections().get(0))
          .clauses(java.util.List.of(policy.sections().get(0).clauses().get(0), unrelated)).build();
      Policy wider = Policy.builder().from(policy).sections(java.util.List.of(section)).build();
      Incident incident = randomIncident(random, n);
      assertEquals(outcome(Evaluator.of(policy).rule(incident)), outcome(Evaluator.of(wider).rule(incident)),
          "seed " + SEED + ", case " + n);
    }
  }

  @Test
  void everyCorpusPolicyRulesIdenticallyFromSixteenThreads() throws Exception {
    List<Evaluator> evaluators = new ArrayList<>();
    List<List<Incident>> incidents = new ArrayList<>();
    for (Path folder : SemanticsCorpusTest.folders()) {
      Policy policy = PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      evaluators.add(Evaluator.of(policy));
      incidents.add(CaseSuite.load(folder.resolve("policy.cases.yaml"), policy).cases().stream().map(PolicyCase::incident).toList());
    }
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < evaluators.size(); p++) {
      for (Incident incident : incidents.get(p)) {
        expected.add(Rulings.toJson(evaluators.get(p).rule(incident)));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        runs.add(pool.submit(() -> {
          List<String> got = new ArrayList<>();
          for (int p = 0; p < evaluators.size(); p++) {
            for (Incident incident : incidents.get(p)) {
              got.add(Rulings.toJson(evaluators.get(p).rule(incident)));
            }
          }
          return got;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
