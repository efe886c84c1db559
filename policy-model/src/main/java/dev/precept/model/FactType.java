package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of value a fact or attribute takes. */
@API(status = API.Status.STABLE, since = "0.1")
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
  @JsonProperty("date") DATE,
  /** A collective decision of a body: votes for, against and abstaining, of how many members. */
  @JsonProperty("decision") DECISION;

  /**
   * Why a value does not fit this type, if it does not.
   *
   * @param allowed the declared values, for an enum
   */
  public java.util.Optional<String> problemWith(String value, java.util.List<String> allowed) {
    switch (this) {
      case BOOLEAN:
        return value.equals("true") || value.equals("false") ? java.util.Optional.empty()
            : java.util.Optional.of("expected true or false");
      case INTEGER:
        return value.matches("-?[0-9]{1,18}") ? java.util.Optional.empty()
            : java.util.Optional.of("expected a whole number");
      case DATE:
        try {
          java.time.LocalDate.parse(value);
          return java.util.Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
          return java.util.Optional.of("expected a date YYYY-MM-DD");
        }
      case DECISION:
        return java.util.Optional.of("a decision is recorded under 'decisions' with its votes, not as a value");
      case ENUM:
        return allowed.contains(value) ? java.util.Optional.empty()
            : java.util.Optional.of("expected one of " + allowed);
      default:
        return java.util.Optional.empty();
    }
  }

  /** The word used for this type in YAML. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
