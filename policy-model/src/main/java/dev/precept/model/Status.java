package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an edition of a policy stands in its approval cycle. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Status {
  /** Written or revised, not yet approved: rendered with a DRAFT watermark. */
  @JsonProperty("draft") DRAFT,
  /** Approved by the approving body and in force. */
  @JsonProperty("approved") APPROVED,
  /** Replaced by a later edition. */
  @JsonProperty("superseded") SUPERSEDED;

  /** The word used for this status in YAML and in documents. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
