package dev.precept.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precept.eval.BatchRulings;
import dev.precept.eval.BatchSummary;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.Ruling;
import dev.precept.eval.internal.EvalJson;
import dev.precept.eval.internal.RulingJsonLines;
import dev.precept.eval.internal.RulingJsonWriter;
import dev.precept.model.Policy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each step of a batch ruling on the seed, one thread: reading an incident line, the
 * ruling, and writing the ruling's JSON line (as the batch does, and token by token onto a generator
 * and through the mapper for comparison);
 * then a whole batch of 10,000 lines on every core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchBenchmark {
  private static final int REQUESTS = 1024;

  private Evaluator evaluator;
  private IncidentLoader loader;
  private Incident[] incidents;
  private Ruling[] rulings;
  private String[] lines;
  private String batch;
  private int next;
  private JsonGenerator generator;
  private final RulingJsonLines lineWriter = new RulingJsonLines();
  private final ObjectWriter mapper = EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  @Setup
  public void setUp() throws IOException {
    Policy seed = Policies.named("seed");
    evaluator = Evaluator.of(seed);
    loader = IncidentLoader.forPolicy(seed);
    incidents = incidents(seed, REQUESTS);
    rulings = new Ruling[REQUESTS];
    lines = new String[REQUESTS];
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < REQUESTS; i++) {
      rulings[i] = evaluator.rule(incidents[i]);
      lines[i] = line(incidents[i]);
    }
    for (int i = 0; i < 10_000; i++) {
      all.append(lines[i & (REQUESTS - 1)]).append('\n');
    }
    batch = all.toString();
    generator = RulingJsonWriter.utf8(OutputStream.nullOutputStream());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    generator.close();
  }

  /** The seed's incidents of the benchmarks: one role, one clause or one breach category, from a fixed seed. */
  static Incident[] incidents(Policy seed, int count) {
    List<Policies.Request> requests = Policies.requests(seed, count);
    Random random = new Random(11);
    Incident[] incidents = new Incident[count];
    for (int i = 0; i < count; i++) {
      Incident byCategory = Policies.incident(requests.get(i), i);
      incidents[i] = i % 2 == 0 ? byCategory : Incident.builder().id("clause-" + i).person(byCategory.person())
          .addClauses(seed.allClauses().get(random.nextInt(seed.allClauses().size())).id()).build();
    }
    return incidents;
  }

  /** An incident as a line of JSON Lines. */
  static String line(Incident incident) {
    try {
      return EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(incident);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ruling alone. */
  @Benchmark
  public Ruling rule() {
    return evaluator.rule(incidents[next++ & (REQUESTS - 1)]);
  }

  /**
   * Writing a ruling's JSON line as the batch does: UTF-8 bytes written by {@link RulingJsonLines},
   * the parts it wrote before copied from its memo.
   */
  @Benchmark
  public RulingJsonLines writeRulingStreamed() {
    lineWriter.truncate(0);
    lineWriter.write(rulings[next++ & (REQUESTS - 1)]);
    return lineWriter;
  }

  /** Writing a ruling's JSON onto a Jackson UTF-8 generator, token by token (the batch's way before {@code RulingJsonLines}). */
  @Benchmark
  public JsonGenerator writeRulingOnGenerator() throws IOException {
    RulingJsonWriter.write(rulings[next++ & (REQUESTS - 1)], generator);
    generator.flush();
    return generator;
  }

  /** Writing the same JSON through the mapper ({@code Rulings.toJson} without indentation). */
  @Benchmark
  public String writeRulingWithMapper() throws IOException {
    return mapper.writeValueAsString(rulings[next++ & (REQUESTS - 1)]);
  }

  /** Parsing an incident line into a tree, as the batch does before checking it. */
  @Benchmark
  public JsonNode parseIncidentLine() throws IOException {
    return EvalJson.mapper().readTree(lines[next++ & (REQUESTS - 1)]);
  }

  /** Reading an incident line as the batch does: token by token, checked and built ({@code IncidentLoader.readIfClean(String)}). */
  @Benchmark
  public Incident readIncidentLine() {
    return loader.readIfClean(lines[next++ & (REQUESTS - 1)]).orElseThrow();
  }

  /** Reading an incident line through a tree, as the batch did before: parsed, then checked and built. */
  @Benchmark
  public Incident readIncidentLineThroughATree() throws IOException {
    return loader.readIfClean(EvalJson.mapper().readTree(lines[next++ & (REQUESTS - 1)])).orElseThrow();
  }

  /** 10,000 lines through {@link BatchRulings} on every core, rulings written as bytes (as {@code precept evaluate} does) and discarded: time per batch. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public BatchSummary batchOfTenThousand() {
    Reader in = new StringReader(batch);
    return BatchRulings.of(evaluator).ruleAll(in, OutputStream.nullOutputStream(), e -> {
      throw new IllegalStateException(e.describe());
    });
  }
}
