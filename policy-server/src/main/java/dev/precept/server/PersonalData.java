package dev.precept.server;

/** How the decision log keeps personal data from incidents. */
public enum PersonalData {
  /**
   * The default: personal values (the person's id, the summary, free-text facts and attributes)
   * are stored as keyed hashes (HMAC-SHA-256), so decisions about a person can be found by whoever
   * holds the key without the log saying who they are.
   */
  REDACTED,
  /** Stored in clear, where the trust's data protection officer has decided so. */
  CLEAR
}
