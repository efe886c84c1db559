package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A step of a staged consequence as it stands for an incident: the outcome recorded (if the step
 * has ended), whether it is the current step, and what follows on each outcome for this person.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableStepRuling.class)
@JsonDeserialize(as = ImmutableStepRuling.class)
@JsonPropertyOrder({"current", "outcome", "next"})
public interface StepRuling {
  /** A new builder of {@link StepRuling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StepRuling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableStepRuling.Builder {
    Builder() {}
  }

  /** Whether this is the step the matter has reached: it applies and has no recorded outcome yet. */
  boolean current();

  /** The outcome the incident records for this step. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> outcome();

  /** For each outcome, the consequences that follow on it for this person, in policy order. */
  List<Next> next();

  /** What follows one outcome of a step. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableNext.class)
  @JsonDeserialize(as = ImmutableNext.class)
  @JsonPropertyOrder({"outcome", "consequences"})
  interface Next {
    /** A new builder of {@link Next}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Next}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableNext.Builder {
      Builder() {}
    }

    /** What follows {@code outcome}: the ids of the consequences that come next. */
    static Next of(String outcome, List<String> consequences) {
      return ImmutableNext.of(outcome, consequences);
    }

    /** The outcome. */
    @Value.Parameter
    String outcome();

    /** The ids of the consequences that follow on it for this person; empty when nothing further is stated. */
    @Value.Parameter
    List<String> consequences();
  }
}
