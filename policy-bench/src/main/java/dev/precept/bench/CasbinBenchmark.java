package dev.precept.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
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
 * The peer: jCasbin enforcing the same role x breach-category model (role inheritance through the
 * policy's groups) on the same requests as {@code RulingBenchmark.rulingForRoleAndCategory}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CasbinBenchmark {
  private static final int REQUESTS = 1024;

  @Param({"seed", "10", "100", "1000", "10000"})
  public String policy;

  private Enforcer casbin;
  private String[][] requests;
  private int next;

  @Setup
  public void setUp() {
    var loaded = Policies.named(policy);
    List<Policies.Request> list = Policies.requests(loaded, REQUESTS);
    requests = new String[REQUESTS][];
    for (int i = 0; i < REQUESTS; i++) {
      requests[i] = new String[] {list.get(i).role(), list.get(i).category()};
    }
    casbin = Policies.casbin(loaded);
  }

  /** jCasbin's allow/deny for a role and a breach category. */
  @Benchmark
  public boolean casbinEnforce() {
    String[] request = requests[next++ & (REQUESTS - 1)];
    return casbin.enforce(request[0], request[1]);
  }
}
