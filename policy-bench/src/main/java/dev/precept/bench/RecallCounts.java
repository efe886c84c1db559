package dev.precept.bench;

import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Ruling;
import dev.precept.model.Policy;
import java.util.List;
import java.util.Random;

/**
 * How many clause and consequence rulings a warm evaluator makes afresh rather than recalls, over
 * {@link RulingBenchmark}'s own incident streams: a count that does not depend on the machine's
 * load, beside the benchmark's allocation. Each stream is ruled three times, then once more; a
 * ruling of that last pass that is not the very object the third pass gave was made again.
 *
 * <p>{@code java -cp policy-bench/target/benchmarks.jar dev.precept.bench.RecallCounts seed 10 100 1000}
 */
public final class RecallCounts {
  private static final int REQUESTS = 1024;

  private RecallCounts() {}

  /** Prints one line per policy and stream: consequence and clause rulings made afresh, of all. */
  public static void main(String[] args) {
    for (String name : args.length == 0 ? new String[] {"seed", "10", "100", "1000"} : args) {
      Policy policy = Policies.named(name);
      List<Policies.Request> requests = Policies.requests(policy, REQUESTS);
      Incident[] byCategory = new Incident[REQUESTS];
      Incident[] byClause = new Incident[REQUESTS];
      Random random = new Random(11); // as RulingBenchmark.setUp
      for (int i = 0; i < REQUESTS; i++) {
        byCategory[i] = Policies.incident(requests.get(i), i);
        var clause = policy.allClauses().get(random.nextInt(policy.allClauses().size()));
        byClause[i] = Incident.builder().id("clause-" + i).person(byCategory[i].person()).addClauses(clause.id()).build();
      }
      count(name, "role and category", policy, byCategory);
      count(name, "one clause", policy, byClause);
    }
  }

  private static void count(String name, String stream, Policy policy, Incident[] incidents) {
    Evaluator evaluator = Evaluator.of(policy);
    Ruling[] warm = new Ruling[incidents.length];
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < incidents.length; i++) {
        warm[i] = evaluator.rule(incidents[i]);
      }
    }
    int consequences = 0;
    int consequencesAfresh = 0;
    int clauses = 0;
    int clausesAfresh = 0;
    for (int i = 0; i < incidents.length; i++) {
      Ruling again = evaluator.rule(incidents[i]);
      for (int c = 0; c < again.consequences().size(); c++) {
        consequences++;
        consequencesAfresh += again.consequences().get(c) == warm[i].consequences().get(c) ? 0 : 1;
      }
      for (int c = 0; c < again.clauses().size(); c++) {
        clauses++;
        clausesAfresh += again.clauses().get(c) == warm[i].clauses().get(c) ? 0 : 1;
      }
    }
    System.out.printf("%s, %s: consequence rulings made afresh %d of %d, clause rulings %d of %d%n",
        name, stream, consequencesAfresh, consequences, clausesAfresh, clauses);
  }
}
