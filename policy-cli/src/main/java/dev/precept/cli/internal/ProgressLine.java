package dev.precept.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A line of progress on standard error, rewritten in place at most five times a second and wiped
 * when the work ends, shown only when standard error is a terminal: a pipe, a file or a CI log gets
 * nothing from it.
 */
final class ProgressLine implements AutoCloseable {
  /**
   * Whether standard error is a terminal. The {@code ./precept} launcher knows ({@code [ -t 2 ]}) and
   * says so in {@code PRECEPT_STDERR_TERMINAL}; run as {@code java -jar}, a console means one.
   */
  static BooleanSupplier terminal =
      () -> "1".equals(System.getenv("PRECEPT_STDERR_TERMINAL")) || System.console() != null;

  /** Whether standard output is a terminal too ({@code PRECEPT_STDOUT_TERMINAL}, or a console). */
  static BooleanSupplier outputOnTerminal =
      () -> "1".equals(System.getenv("PRECEPT_STDOUT_TERMINAL")) || System.console() != null;

  private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(200);

  private final PrintWriter err;
  private final boolean shown;
  private long last = System.nanoTime() - INTERVAL;
  private int width;

  private ProgressLine(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  /** A progress line on {@code err}, shown only on a terminal. */
  static ProgressLine on(PrintWriter err) {
    return new ProgressLine(err, terminal.getAsBoolean());
  }

  /**
   * A progress line for work whose results stream to standard output: shown only when standard
   * error is a terminal and standard output is not (results on the screen show their own progress,
   * and a rewritten line between them would garble them).
   */
  static ProgressLine besideOutput(PrintWriter err) {
    return new ProgressLine(err, terminal.getAsBoolean() && !outputOnTerminal.getAsBoolean());
  }

  /** Shows {@code text} in place of the last line, unless one was shown less than 200 ms ago. */
  void show(Supplier<String> text) {
    if (!shown) {
      return;
    }
    long now = System.nanoTime();
    if (now - last < INTERVAL) {
      return;
    }
    last = now;
    String line = text.get();
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  /** Wipes the line, so what is printed next starts on a clean line. */
  @Override
  public void close() {
    if (shown && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }
}
