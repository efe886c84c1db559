package dev.precept.cli.internal;

/** How a command prints its result. */
public enum OutputFormat {
  /** For people. */
  text,
  /** For machines. */
  json
}
