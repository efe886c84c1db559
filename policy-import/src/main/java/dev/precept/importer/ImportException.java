package dev.precept.importer;

import org.apiguardian.api.API;

import dev.precept.model.PolicyException;

/** A file could not be imported: it is protected by a password, damaged, or not a policy at all. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
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
