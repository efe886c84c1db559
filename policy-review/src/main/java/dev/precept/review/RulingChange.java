package dev.precept.review;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** An incident from the policy's cases whose ruling differs between the two editions. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableRulingChange.class)
@JsonPropertyOrder({"incident", "name", "before", "after"})
public interface RulingChange {
  /** A new builder of {@link RulingChange}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RulingChange}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRulingChange.Builder {
    Builder() {}
  }

  /** The incident's id. */
  String incident();

  /** The case's name. */
  String name();

  /** The ruling under the old edition, a line per outcome and consequence. */
  List<String> before();

  /** The ruling under the new edition. */
  List<String> after();

  /**
   * {@link #before()} as people read it, a line for each of its lines: clauses cited by their
   * paragraph in the old edition ("paragraph 1.4: breached"). Not in the JSON, which keeps ids.
   */
  @JsonIgnore
  List<String> citedBefore();

  /** {@link #after()} as people read it, clauses cited by their paragraph in the new edition. */
  @JsonIgnore
  List<String> citedAfter();
}
