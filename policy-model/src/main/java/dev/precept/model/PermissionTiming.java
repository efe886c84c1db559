package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;

/** When a permission must have been given for an exception to excuse a breach. */
@API(status = API.Status.STABLE, since = "0.1")
public enum PermissionTiming {
  /** Before the act ("without prior ... permission"). */
  @JsonProperty("prior") PRIOR,
  /** Before or after the act. */
  @JsonProperty("any") ANY;

  /** The word used in YAML. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
