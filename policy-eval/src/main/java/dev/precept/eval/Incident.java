package dev.precept.eval;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something that happened: who acted, what they did (clauses and/or breach categories), when, and
 * the circumstances as facts the policy declares.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@SuppressWarnings("cast") // the generated JSON creator casts its extended builder's result
@JsonSerialize(as = ImmutableIncident.class)
@JsonDeserialize(as = ImmutableIncident.class)
@JsonPropertyOrder({"id", "summary", "date", "occurred", "person", "clauses", "categories", "facts", "decisions",
    "permissions", "steps", "done"})
public interface Incident {
  /** The incident's reference in the trust system that reported it. */
  String id();

  /** What happened, in a sentence. */
  Optional<String> summary();

  /** When it happened. */
  Optional<LocalDate> date();

  /** When it happened, to the minute, for duties with time limits ({@code 2026-03-01T20:00}). */
  Optional<LocalDateTime> occurred();

  /** Who acted. */
  Person person();

  /** Ids of the clauses the conduct is said to concern. */
  List<String> clauses();

  /** Breach categories the conduct is said to fall under; every rule in them is considered. */
  List<String> categories();

  /** Known circumstances, keyed by fact id; a fact not given is unknown. */
  Map<String, String> facts();

  /** Collective decisions of bodies, keyed by the decision's fact id. */
  Map<String, CollectiveDecision> decisions();

  /** Permissions the person held. */
  List<Permission> permissions();

  /** How far staged consequences got: the outcome of each step that has ended, keyed by consequence id. */
  Map<String, String> steps();

  /** When each step of a duty was done ({@code 2026-03-02T09:00}), or {@code not-done}, keyed by step id. */
  Map<String, String> done();

  /** A new builder. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an incident; besides the generated setters it has typed fact setters, so a boolean is
   * written as {@code true}, never as {@code "TRUE"} or {@code "yes"}. Whatever is built is checked
   * against the policy by {@link Evaluator#rule(Incident)}, as a file is.
   */
  final class Builder extends ImmutableIncident.Builder {
    Builder() {}

    /** A true/false fact ({@code type: boolean}). */
    public Builder fact(String id, boolean value) {
      putFact(id, Boolean.toString(value));
      return this;
    }

    /** A whole-number fact ({@code type: integer}). */
    public Builder fact(String id, long value) {
      putFact(id, Long.toString(value));
      return this;
    }

    /** A date fact ({@code type: date}). */
    public Builder fact(String id, LocalDate value) {
      putFact(id, present(id, value).toString());
      return this;
    }

    /** An enum or text fact ({@code type: enum} or {@code string}): the value as the policy lists it. */
    public Builder fact(String id, String value) {
      putFact(id, present(id, value));
      return this;
    }

    /** An enum fact from a Java enum, written as the policy lists it: lower case, '_' as '-'. */
    public Builder fact(String id, Enum<?> value) {
      putFact(id, present(id, value).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      return this;
    }

    private static <T> T present(String id, T value) {
      if (value == null) {
        throw new NullPointerException("fact '" + id + "' needs a value, not null: leave a fact that is not known out of the incident");
      }
      return value;
    }
  }
}
