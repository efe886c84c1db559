package dev.precept.model;

import org.apiguardian.api.API;
/** The root of every exception Precept throws on purpose. */
@API(status = API.Status.STABLE, since = "0.1")
public class PolicyException extends RuntimeException {
  /** An exception with a message for the user. */
  public PolicyException(String message) {
    super(message);
  }

  /** An exception with a message for the user and the underlying cause. */
  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
