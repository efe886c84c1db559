package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a consequence is required ("will be fully investigated") or permitted ("may result in"). */
@API(status = API.Status.STABLE, since = "0.1")
public enum Modality {
  /** The consequence follows whenever its conditions hold. */
  @JsonProperty("must") MUST,
  /** The consequence is open to the acting body; it is not required. */
  @JsonProperty("may") MAY;

  /** The word used for this modality in YAML and rulings. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
