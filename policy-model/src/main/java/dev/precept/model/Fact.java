package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * A circumstance the policy depends on (during working hours, the equipment used, the finding of
 * an investigation), declared with a type so incidents can be checked against it.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableFact.class)
@JsonDeserialize(as = ImmutableFact.class)
@JsonPropertyOrder({"id", "type", "values", "description", "body", "quorum"})
public interface Fact {
  /** A new builder of {@link Fact}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Fact}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableFact.Builder {
    Builder() {}
  }

  /** Stable id used in conditions and incidents ({@code during-working-hours}). */
  String id();

  /** The type of its values. */
  FactType type();

  /** The allowed values, in order, for an enum. */
  List<String> values();

  /** The question an incident answers with this fact. */
  String description();

  /** For a decision: the office (a body) whose members decide. */
  java.util.Optional<String> body();

  /** For a decision: how many members must take part for it to count. */
  java.util.Optional<Integer> quorum();
}
