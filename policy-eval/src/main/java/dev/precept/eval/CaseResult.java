package dev.precept.eval;

import org.apiguardian.api.API;

import java.util.List;
import org.immutables.value.Value;

/** The result of running one case: passed, or the differences between expected and actual. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface CaseResult {
  /** A new builder of {@link CaseResult}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CaseResult}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableCaseResult.Builder {
    Builder() {}
  }

  /** The case run. */
  PolicyCase policyCase();

  /** The ruling the policy gave. */
  Ruling ruling();

  /** Each difference as a line of a readable diff; empty when the case passed. */
  List<String> differences();

  /** Whether the ruling matched everything the case expects. */
  default boolean passed() {
    return differences().isEmpty();
  }
}
