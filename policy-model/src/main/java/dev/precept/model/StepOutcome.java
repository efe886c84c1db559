package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The earlier step a staged consequence follows, and the outcome of it that it follows on ("if they refuse"). */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableStepOutcome.class)
@JsonDeserialize(as = ImmutableStepOutcome.class)
@JsonPropertyOrder({"step", "outcome"})
public interface StepOutcome {
  /** A new builder of {@link StepOutcome}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StepOutcome}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableStepOutcome.Builder {
    Builder() {}
  }

  /** The id of the earlier consequence (a step with declared outcomes). */
  String step();

  /** The outcome of that step on which this consequence follows. */
  String outcome();
}
