package dev.precept.importer;

import dev.precept.model.PolicyException;

/** A file could not be imported: it is protected by a password, damaged, or not a policy at all. */
public class ImportException extends PolicyException {
  /** An exception with a message for the user naming the file and what to do. */
  public ImportException(String message) {
    super(message);
  }

  /** An exception with a message for the user and the underlying cause. */
  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
