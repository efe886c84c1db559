package dev.precept.cli.internal;

import dev.precept.model.PolicyException;

/** A mistake in how the command was called (a missing file, a bad option value); exits with {@link ExitCode#USAGE}. */
public final class UsageException extends PolicyException {
  private static final long serialVersionUID = 1L;

  /** A usage error with a message for the user. */
  public UsageException(String message) {
    super(message);
  }
}
