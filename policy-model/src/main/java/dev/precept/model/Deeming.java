package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A deeming rule stated by a clause: when its condition holds, a fact is taken to have a value
 * whatever the incident says ("a post that gives a councillor's title is deemed to be made in an
 * official capacity").
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableDeeming.class)
@JsonDeserialize(as = ImmutableDeeming.class)
@JsonPropertyOrder({"fact", "is", "when"})
public interface Deeming {
  /** A new builder of {@link Deeming}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Deeming}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableDeeming.Builder {
    Builder() {}
  }

  /** The fact deemed (declared under 'facts'). */
  String fact();

  /** The value it is deemed to have. */
  String is();

  /** The condition on other facts or the person under which it is deemed. */
  Condition when();
}
