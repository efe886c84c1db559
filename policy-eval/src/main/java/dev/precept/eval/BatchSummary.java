package dev.precept.eval;

import org.apiguardian.api.API;

import org.immutables.value.Value;

/** What a batch of rulings came to: lines read, incidents ruled on, lines that failed. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface BatchSummary {
  /** A new builder of {@link BatchSummary}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BatchSummary}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableBatchSummary.Builder {
    Builder() {}
  }

  /** Lines read, blank ones included. */
  long lines();

  /** Incidents ruled on: one ruling written for each. */
  long ruled();

  /** Lines that could not be ruled on: one {@link LineError} reported for each. */
  long failed();
}
