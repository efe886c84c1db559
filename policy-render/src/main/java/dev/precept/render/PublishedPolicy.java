package dev.precept.render;

import org.apiguardian.api.API;

import dev.precept.model.Policy;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One policy as a {@link PolicySite} publishes it: the policy as its holder has it (the trust's
 * edition in force, or an academy's policy made from it), the verified approvals its document
 * shows, and when it is next reviewed. A policy whose signature block is not approved is published
 * marked DRAFT.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface PublishedPolicy {
  /** A new builder of {@link PublishedPolicy}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PublishedPolicy}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePublishedPolicy.Builder {
    Builder() {}
  }

  /** The academy that holds this policy; empty for the trust's own. */
  Optional<String> academy();

  /** The policy as published (for an academy, the master with the academy's overlay applied). */
  Policy policy();

  /**
   * The document's signature block: the Board's verified approval of the edition and, for an
   * academy that tailors the policy, its Local Governing Body's.
   */
  SignatureBlock signatures();

  /**
   * For an academy that tailors the policy: the office id of the body that approved its own clauses
   * (the master's {@code variation.localApproval.body}, an office of the policy).
   */
  Optional<String> localBody();

  /** When the policy is next reviewed; the index leaves it out for a draft, whose approval line says when approval is due. */
  Optional<LocalDate> nextReview();

  /** Whether the policy is published as a draft: its approvals do not cover it. */
  @Value.Derived
  default boolean draft() {
    return !signatures().approved();
  }
}
