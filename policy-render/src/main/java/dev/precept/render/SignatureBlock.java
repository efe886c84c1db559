package dev.precept.render;

import org.apiguardian.api.API;

import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Decision;
import dev.precept.approval.Approvals;
import dev.precept.approval.MinutedApproval;
import dev.precept.approval.SigningKeys;
import dev.precept.model.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The signature block as the document shows it: a line for each signatory, filled in where an
 * approval has been verified, and whether the policy as a whole is approved.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface SignatureBlock {
  /** A new builder of {@link SignatureBlock}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SignatureBlock}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableSignatureBlock.Builder {
    Builder() {}
  }

  /** One signatory's line. */
  @Value.Immutable
  interface Line {
    /** A new builder of {@link Line}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Line}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableLine.Builder {
      Builder() {}
    }

    /** The signing office's id. */
    String office();

    /** The office's title ("Chief Executive Officer"). */
    String title();

    /** The signer's name, when a verified approval gives it. */
    Optional<String> name();

    /** The date of the verified approval. */
    Optional<LocalDate> date();

    /**
     * "approved, signature verified (key ab12...)" when verified; for a minuted approval, the
     * meeting, minute and clerk, and "minuted, not signed".
     */
    Optional<String> verification();

    /** Whether the approval on this line was minuted at a meeting and recorded, not signed. */
    @Value.Default
    default boolean minuted() {
      return false;
    }
  }

  /** The lines, in signing order. */
  List<Line> lines();

  /** Whether every required signatory has a verified approval of this exact text. */
  boolean approved();

  /** When the last required approval was given, when approved. */
  Optional<LocalDate> approvedOn();

  /** The block for a verified approval status: a filled line per approving signatory. */
  static SignatureBlock of(ApprovalStatus status) {
    SignatureBlock.Builder block = SignatureBlock.builder()
        .approved(status.approved())
        .approvedOn(status.approvedOn());
    for (ApprovalStatus.SignatoryApproval signatory : status.signatories()) {
      Line.Builder line = Line.builder().office(signatory.office()).title(signatory.title());
      if (signatory.minutedOnly()) {
        MinutedApproval minuted = signatory.minuted().orElseThrow();
        line.name(minuted.name()).date(minuted.date()).minuted(true)
            .verification(minuted.describe() + " (minuted, not signed)");
      } else if (signatory.approves()) {
        ApprovalRecord record = signatory.record().orElseThrow();
        line.name(record.name()).date(record.date()).verification(
            (record.decision() == Decision.APPROVED ? "approved" : "reviewed with no change")
                + Approvals.verifiedEvidence(record));
      }
      block.addLine(line.build());
    }
    return block.build();
  }

  /** A block of blank lines to sign by hand, one per signatory the policy declares. */
  static SignatureBlock unsigned(Policy policy) {
    SignatureBlock.Builder block = SignatureBlock.builder().approved(false);
    policy.metadata().signatories().forEach(s -> block.addLine(Line.builder()
        .office(s.office())
        .title(policy.office(s.office()).map(o -> o.title()).orElse(s.office()))
        .build()));
    return block.build();
  }
}
