package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A declared silence: the policy deliberately gives no consequence to these people for these
 * breaches, and says why (handled by a contract, by another body). {@code check} shows it as
 * information rather than a gap; a ruling still says the consequence is unspecified.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableSilence.class)
@JsonDeserialize(as = ImmutableSilence.class)
@JsonPropertyOrder({"id", "clause", "appliesTo", "categories", "reason"})
public interface Silence {
  /** A new builder of {@link Silence}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Silence}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableSilence.Builder {
    Builder() {}
  }

  /** Stable id. */
  String id();

  /** The clause whose text says so, when one does. */
  Optional<String> clause();

  /** Roles or groups the policy is silent for. */
  List<String> appliesTo();

  /** Breach categories it is silent on; empty means every breach. */
  List<String> categories();

  /** Why the policy gives no consequence here, in words for the Board. */
  String reason();
}
