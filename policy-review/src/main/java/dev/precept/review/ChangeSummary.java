package dev.precept.review;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** What changed between two editions of a policy, and which rulings change with it. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableChangeSummary.class)
@JsonPropertyOrder({"policy", "oldVersion", "newVersion", "oldDigest", "newDigest", "changes", "rulingChanges", "casesCompared"})
public interface ChangeSummary {
  /** A new builder of {@link ChangeSummary}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ChangeSummary}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableChangeSummary.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** The old edition's version. */
  String oldVersion();

  /** The new edition's version. */
  String newVersion();

  /** The old edition's digest. */
  String oldDigest();

  /** The new edition's digest. */
  String newDigest();

  /** Every change, metadata first, then people and offices, then clauses in document order. */
  List<Change> changes();

  /** Incidents whose ruling differs: what the Board is really being asked to approve. */
  List<RulingChange> rulingChanges();

  /**
   * How many cases (of either edition) were ruled on under both editions to find the rulings that
   * change; 0 when neither edition has cases, and then no ruling change can be shown.
   */
  @Value.Default
  default int casesCompared() {
    return 0;
  }

  /** How many changes are substantive. */
  default long substantiveCount() {
    return changes().stream().filter(Change::substantive).count();
  }
}
