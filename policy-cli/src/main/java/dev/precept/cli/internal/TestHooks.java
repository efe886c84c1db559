package dev.precept.cli.internal;

import java.io.InputStream;

/** Hooks for the command's own tests: where standard input is read from. */
public final class TestHooks {
  private TestHooks() {}

  /** Reads {@code -} from this stream instead of {@code System.in}. */
  public static void stdin(InputStream in) {
    Inputs.readStdinFrom(in);
  }

  /** Shows {@code precept publish}'s progress lines as on a terminal ({@code true}) or not, as in a pipe. */
  public static void terminal(boolean terminal) {
    PublishCommand.terminal = () -> terminal;
  }

  /**
   * Treats standard error as a terminal ({@code true}) or not, and standard output as redirected,
   * for progress lines such as a batch's.
   */
  public static void stderrTerminal(boolean terminal) {
    ProgressLine.terminal = () -> terminal;
    ProgressLine.outputOnTerminal = () -> false;
  }
}
