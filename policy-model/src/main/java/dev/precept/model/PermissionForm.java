package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How a permission was given. */
@API(status = API.Status.STABLE, since = "0.1")
public enum PermissionForm {
  /** In writing. */
  @JsonProperty("written") WRITTEN,
  /** Spoken. */
  @JsonProperty("verbal") VERBAL;

  /** The word used in YAML. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
