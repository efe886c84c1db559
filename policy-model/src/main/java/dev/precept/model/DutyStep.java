package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One step of a duty with order and time ("report to the communications team within 24 hours",
 * "take advice before responding"); the incident records when each step was done.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableDutyStep.class)
@JsonDeserialize(as = ImmutableDutyStep.class)
@JsonPropertyOrder({"id", "text", "optional", "after", "within"})
public interface DutyStep {
  /** A new builder of {@link DutyStep}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DutyStep}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableDutyStep.Builder {
    Builder() {}
  }

  /** Stable id the incident records the step under ({@code report}). */
  String id();

  /** The step in the policy's words ("report it to the communications team"). */
  String text();

  /** Whether the step may be left undone (responding at all is a choice; if done, its order still counts). */
  @Value.Default
  default boolean optional() {
    return false;
  }

  /** Steps that must have been done before this one, when this one is done. */
  List<String> after();

  /** The time limit from the incident, as an ISO-8601 duration ({@code PT24H}). */
  Optional<Duration> within();
}
