package dev.precept.importer;

import org.apiguardian.api.API;

import dev.precept.model.Policy;
import org.immutables.value.Value;

/**
 * The result of an import: the YAML skeleton (with its {@code # review:} comments), the policy it
 * loads as, and the report of what the clerk must still do.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ImportedPolicy {
  /** A new builder of {@link ImportedPolicy}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ImportedPolicy}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableImportedPolicy.Builder {
    Builder() {}
  }

  /** The skeleton as YAML text, comments included; it validates as it is. */
  String yaml();

  /** The skeleton as loaded and validated by {@link dev.precept.model.PolicyLoader}. */
  Policy policy();

  /** What the clerk must still do. */
  ImportReport report();
}
