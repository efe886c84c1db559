package dev.precept.server;

import org.apiguardian.api.API;

import java.util.Optional;
import org.immutables.value.Value;

/** What checking the decision log's hash chain found: intact, or the first record broken and how. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface LogVerification {
  /** A new builder of {@link LogVerification}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LogVerification}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableLogVerification.Builder {
    Builder() {}
  }

  /** How many records were checked. */
  long records();

  /** The position (1-based sequence number) of the first broken record; empty when the chain is intact. */
  Optional<Long> firstBroken();

  /** What is wrong with it, in a sentence naming the record. */
  Optional<String> problem();

  /** Whether the chain is intact. */
  @Value.Derived
  default boolean intact() {
    return firstBroken().isEmpty();
  }
}
