package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a signatory decided about an edition. */
@API(status = API.Status.STABLE, since = "0.2")
public enum Decision {
  /** Approved this edition. */
  @JsonProperty("approved") APPROVED,
  /** Reviewed this edition again at the review date and approved it with no change. */
  @JsonProperty("reviewed-no-change") REVIEWED_NO_CHANGE,
  /** Asked for changes: not an approval. */
  @JsonProperty("changes-requested") CHANGES_REQUESTED;

  /** The word used in files and messages. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether this decision approves the edition. */
  public boolean approves() {
    return this != CHANGES_REQUESTED;
  }
}
