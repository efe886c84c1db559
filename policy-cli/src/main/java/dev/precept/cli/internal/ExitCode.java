package dev.precept.cli.internal;

/** The exit codes every command returns: 0 when all passed, 1 when an input is invalid or a check failed, 2 for a usage error. */
public final class ExitCode {
  /** Everything passed. */
  public static final int OK = 0;
  /** An input is not valid or a check failed. */
  public static final int INVALID = 1;
  /** The command was called wrongly (unknown option, missing file). */
  public static final int USAGE = 2;

  private ExitCode() {}
}
