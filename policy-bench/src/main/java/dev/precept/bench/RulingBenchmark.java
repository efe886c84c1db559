package dev.precept.bench;

import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Ruling;
import dev.precept.model.Policy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rulings per second and latency, one thread, by policy size. {@link CasbinBenchmark} answers the
 * same (role, breach category) requests with jCasbin in the same run; it has a state of its own so
 * the peer's heap never weighs on these measurements (nor ours on its).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RulingBenchmark {
  private static final int REQUESTS = 1024;

  @Param({"seed", "10", "100", "1000", "10000"})
  public String policy;

  private Evaluator evaluator;
  private Incident[] byCategory;
  private Incident[] byClause;
  private int next;

  @Setup
  public void setUp() {
    Policy loaded = Policies.named(policy);
    evaluator = Evaluator.of(loaded);
    List<Policies.Request> list = Policies.requests(loaded, REQUESTS);
    byCategory = new Incident[REQUESTS];
    byClause = new Incident[REQUESTS];
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < REQUESTS; i++) {
      byCategory[i] = Policies.incident(list.get(i), i);
      var clause = loaded.allClauses().get(random.nextInt(loaded.allClauses().size()));
      byClause[i] = Incident.builder().id("clause-" + i).person(byCategory[i].person()).addClauses(clause.id()).build();
    }
  }

  /** A full ruling (outcomes, consequences, explanations) for a role and a breach category. */
  @Benchmark
  public Ruling rulingForRoleAndCategory() {
    return evaluator.rule(byCategory[next++ & (REQUESTS - 1)]);
  }

  /** The like-for-like answer to jCasbin's question: what a role faces for a breach category. */
  @Benchmark
  public java.util.List<dev.precept.model.Consequence> possibleConsequences() {
    Incident incident = byCategory[next++ & (REQUESTS - 1)];
    return evaluator.possibleConsequences(incident.person().roles().get(0), incident.categories().get(0));
  }

  /** A full ruling for a role and one clause: what an incident log usually sends. */
  @Benchmark
  public Ruling rulingForOneClause() {
    return evaluator.rule(byClause[next++ & (REQUESTS - 1)]);
  }
}
