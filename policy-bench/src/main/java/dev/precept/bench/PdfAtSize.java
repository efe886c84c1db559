package dev.precept.bench;

import com.sun.management.ThreadMXBean;
import dev.precept.model.Policy;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PDF of one of the benchmark's policies, rendered again and again in one JVM as {@code
 * LoadAndRenderBenchmark.renderPdf} does, printing for each render the rendering thread's CPU time,
 * the wall time, the collectors' time, the bytes allocated and the PDF's size, with the load
 * average: the figures that still mean something on a shared machine, where wall times do not.
 *
 * <pre>{@code java -cp policy-bench/target/benchmarks.jar dev.precept.bench.PdfAtSize 10000 2 5 [out.pdf]}</pre>
 */
public final class PdfAtSize {
  private PdfAtSize() {}

  /** Policy name ({@code seed} or a clause count), warm-up renders, measured renders, and where to write the last PDF. */
  public static void main(String[] args) throws IOException {
    Policy policy = Policies.named(args[0]);
    int warmUp = Integer.parseInt(args[1]);
    int measured = Integer.parseInt(args[2]);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    byte[] pdf = new byte[0];
    for (int run = 0; run < warmUp + measured; run++) {
      long collected = collectorMillis();
      long allocated = threads.getThreadAllocatedBytes(thread);
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DocumentRenderer.standard().pdf(policy, SignatureBlock.unsigned(policy), out);
      wall = System.nanoTime() - wall;
      cpu = threads.getCurrentThreadCpuTime() - cpu;
      allocated = threads.getThreadAllocatedBytes(thread) - allocated;
      collected = collectorMillis() - collected;
      pdf = out.toByteArray();
      System.out.printf(java.util.Locale.ROOT, "%s %d: cpu %d ms, wall %d ms, gc %d ms, allocated %d MB, %d bytes, load %.2f%n",
          run < warmUp ? "warm-up" : "render", run + 1, cpu / 1_000_000, wall / 1_000_000, collected, allocated >> 20, pdf.length,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    if (args.length > 3) {
      Files.write(Path.of(args[3]), pdf);
    }
  }

  private static long collectorMillis() {
    long total = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, collector.getCollectionTime());
    }
    return total;
  }
}
