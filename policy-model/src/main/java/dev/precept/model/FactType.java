package dev.precept.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of value a fact or attribute takes. */
public enum FactType {
  /** {@code true} or {@code false}. */
  @JsonProperty("boolean") BOOLEAN,
  /** One of the values the declaration lists. */
  @JsonProperty("enum") ENUM,
  /** A whole number. */
  @JsonProperty("integer") INTEGER,
  /** Free text. */
  @JsonProperty("string") STRING,
  /** An ISO-8601 calendar date, {@code 2016-10-12}. */
  @JsonProperty("date") DATE;

  /** The word used for this type in YAML. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
