package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One step of a duty with order and time, as the incident shows it was done. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableStepCheck.class)
@JsonDeserialize(as = ImmutableStepCheck.class)
@JsonPropertyOrder({"step", "result", "done", "reason"})
public interface StepCheck {
  /** A new builder of {@link StepCheck}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StepCheck}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableStepCheck.Builder {
    Builder() {}
  }

  /** What the incident shows for the step. */
  enum Result {
    /** Done, in order and in time. */
    @JsonProperty("kept") KEPT,
    /** An optional step not done. */
    @JsonProperty("not-needed") NOT_NEEDED,
    /** A required step not done. */
    @JsonProperty("not-done") NOT_DONE,
    /** Done before a step it must follow. */
    @JsonProperty("out-of-order") OUT_OF_ORDER,
    /** Done after its time limit. */
    @JsonProperty("late") LATE,
    /** The incident does not record whether or when it was done. */
    @JsonProperty("unknown") UNKNOWN
  }

  /** The step's id. */
  String step();

  /** What the incident shows. */
  Result result();

  /** When it was done, as the incident records it. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> done();

  /** Why, in words ("done 30 hours after the incident; the limit is 24 hours"). */
  String reason();
}
