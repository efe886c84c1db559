package dev.precept.bench;

import dev.precept.eval.Incident;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the batch benchmark's input: N incident lines on the seed policy (one role and one clause
 * or one breach category each, from a fixed seed), for {@code batch-vs-python.sh}.
 *
 * <pre>{@code java -cp policy-bench/target/benchmarks.jar dev.precept.bench.MillionIncidents out.jsonl 1000000}</pre>
 */
public final class MillionIncidents {
  private MillionIncidents() {}

  /** Writes {@code args[1]} lines (default 1,000,000) to {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    long count = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    Incident[] incidents = BatchBenchmark.incidents(Policies.named("seed"), 1024);
    String[] lines = new String[incidents.length];
    for (int i = 0; i < incidents.length; i++) {
      lines[i] = BatchBenchmark.line(incidents[i]);
    }
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (long n = 0; n < count; n++) {
        out.write(lines[(int) (n & 1023)]);
        out.write('\n');
      }
    }
  }
}
