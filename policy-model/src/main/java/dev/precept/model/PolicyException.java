package dev.precept.model;

/** The root of every exception Precept throws on purpose. */
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
