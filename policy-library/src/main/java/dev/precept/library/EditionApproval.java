package dev.precept.library;

import org.apiguardian.api.API;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whether an edition's approvals verify, as {@code precept verify} says: every signatory's
 * approval signed with a trusted key over this exact edition's digest.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface EditionApproval {
  /** A new builder of {@link EditionApproval}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link EditionApproval}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableEditionApproval.Builder {
    Builder() {}
  }

  /** Whether every required signatory has a verified, approving record for this edition. */
  boolean approved();

  /** The date the last required approval was given, when approved. */
  Optional<LocalDate> approvedOn();

  /** The verified approvals of this edition, in signing order. */
  List<Signature> signatures();

  /** Why the edition is not approved, one sentence per missing or refused approval; empty when approved. */
  List<String> reasons();
}
