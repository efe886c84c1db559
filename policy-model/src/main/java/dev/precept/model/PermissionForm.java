package dev.precept.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a permission was given. */
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
