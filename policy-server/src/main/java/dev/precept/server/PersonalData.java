package dev.precept.server;

import org.apiguardian.api.API;

/** How the decision log keeps personal data from incidents. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
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
