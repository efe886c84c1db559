package dev.precept.bench;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyYaml;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

/** Load+validate (YAML, schema, semantic checks) and rendering, warm, by policy size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadAndRenderBenchmark {
  @Param({"seed", "10", "100", "1000", "10000"})
  public String policy;

  private byte[] yaml;
  private Policy loaded;

  @Setup
  public void setUp() {
    loaded = Policies.named(policy);
    yaml = "seed".equals(policy) ? Policies.resource(Policies.SEED) : PolicyYaml.write(loaded).getBytes(StandardCharsets.UTF_8);
  }

  /** Read the YAML, check it against the schema and the semantic rules, build the model. */
  @Benchmark
  public Policy loadAndValidate() {
    return PolicyLoader.standard().parse(yaml, "bench.yaml");
  }

  /** The Board's document as HTML. */
  @Benchmark
  public String renderHtml() {
    return DocumentRenderer.standard().html(loaded, SignatureBlock.unsigned(loaded));
  }

  /** The Board's document as PDF (fonts embedded). */
  @Benchmark
  public byte[] renderPdf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocumentRenderer.standard().pdf(loaded, SignatureBlock.unsigned(loaded), out);
    return out.toByteArray();
  }
}
