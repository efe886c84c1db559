package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.model.Policy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** One edition of a policy in the library: its file, its digest, its approval and when it takes effect. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface Edition {
  /** A new builder of {@link Edition}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Edition}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableEdition.Builder {
    Builder() {}
  }

  /** The edition's file. */
  Path file();

  /** The edition, loaded and validated. */
  Policy policy();

  /** The policy id the edition belongs to. */
  @Value.Derived
  default String policyId() {
    return policy().id();
  }

  /** The edition's version, e.g. {@code 2017.1}. */
  @Value.Derived
  default String version() {
    return policy().metadata().version();
  }

  /** The canonical digest of the edition, {@code sha256:...}: what the Board signed and rulings cite. */
  String digest();

  /** What the approvals beside it prove. */
  EditionApproval approval();

  /**
   * The date from which it is in force: the effective date it states, else the date it was
   * approved; for an unapproved edition, the date it was drafted.
   */
  LocalDate effective();

  /** Why {@link #effective()} is that date, e.g. {@code "its effective date"}. */
  String effectiveFrom();

  /** The version of a later approved edition that replaces this one, when there is one. */
  Optional<String> supersededBy();

  /** Whether a later approved edition replaces this one (a superseded edition is never due for review). */
  @Value.Derived
  default boolean superseded() {
    return supersededBy().isPresent();
  }

  /**
   * When it was last approved: the later of the approval date it states and the date its verified
   * approvals were completed (a review with no change renews it); empty until approved.
   */
  @Value.Derived
  default Optional<LocalDate> lastApproved() {
    if (!approval().approved()) {
      return Optional.empty();
    }
    Optional<LocalDate> stated = policy().metadata().dates().approved();
    Optional<LocalDate> signed = approval().approvedOn();
    if (stated.isEmpty() || signed.isEmpty()) {
      return signed.or(() -> stated);
    }
    return Optional.of(stated.get().isAfter(signed.get()) ? stated.get() : signed.get());
  }

  /** When this edition is due for review: {@link #lastApproved()} plus the policy's review frequency; empty until approved. */
  @Value.Derived
  default Optional<LocalDate> reviewDue() {
    return lastApproved().map(d -> d.plus(policy().metadata().reviewFrequency()));
  }
}
