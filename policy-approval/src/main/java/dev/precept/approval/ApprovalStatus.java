package dev.precept.approval;

import org.apiguardian.api.API;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Whether an edition is approved: every record checked, and the reasons when it is not. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface ApprovalStatus {
  /** A new builder of {@link ApprovalStatus}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ApprovalStatus}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableApprovalStatus.Builder {
    Builder() {}
  }

  /** One record with what its check found. */
  @Value.Immutable
  interface RecordCheck {
    /** A new builder of {@link RecordCheck}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link RecordCheck}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableRecordCheck.Builder {
      Builder() {}
    }

    /** The record. */
    ApprovalRecord record();

    /** Whether it is genuine: for this policy, by a signatory office, with a trusted key, signature intact. */
    boolean valid();

    /** Whether it is for this exact edition (its digest is the current one). */
    boolean current();

    /** What is wrong with it, if anything. */
    List<String> problems();
  }

  /** One minuted approval with what its check found. */
  @Value.Immutable
  interface MinutedCheck {
    /** A new builder of {@link MinutedCheck}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link MinutedCheck}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableMinutedCheck.Builder {
      Builder() {}
    }

    /** The minuted approval. */
    MinutedApproval minuted();

    /** Whether it counts: for this policy, by a signatory office, naming this exact edition's digest. */
    boolean valid();

    /** What is wrong with it, if anything. */
    List<String> problems();
  }

  /** The current edition's digest. */
  String digest();

  /** Whether every required signatory has a valid approving record for this digest. */
  boolean approved();

  /** Each record in the file, checked. */
  List<RecordCheck> records();

  /** Each minuted approval in the file, checked. */
  List<MinutedCheck> minuted();

  /** Whether the edition is approved and every signatory's approval is signed, none only minuted. */
  default boolean signed() {
    return approved() && signatories().stream().allMatch(s -> s.record().map(r -> r.decision().approves()).orElse(false));
  }

  /** Why the edition is not approved, a sentence per missing signatory; empty when approved. */
  List<String> reasons();

  /** The date the last required approval was given, when approved. */
  Optional<LocalDate> approvedOn();

  /**
   * Each signatory the policy declares, in signing order, with the verified record that counts for
   * it (the latest valid, current one), if any.
   */
  List<SignatoryApproval> signatories();

  /** One signatory office and what its verified records say. */
  @Value.Immutable
  interface SignatoryApproval {
    /** A new builder of {@link SignatoryApproval}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link SignatoryApproval}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableSignatoryApproval.Builder {
      Builder() {}
    }

    /** The signing office's id. */
    String office();

    /** The office's title as the policy gives it ("Chief Executive Officer"). */
    String title();

    /**
     * The latest valid record for the current digest, approving or not; empty when the office has
     * no such record.
     */
    Optional<ApprovalRecord> record();

    /**
     * The minuted approval that counts for this office when it has no valid signed record for
     * this edition: approved at a meeting, recorded by the clerk, not signed.
     */
    Optional<MinutedApproval> minuted();

    /** Whether this office approves the edition: by its latest valid signed record, or else as minuted. */
    default boolean approves() {
      return record().map(r -> r.decision().approves()).orElse(minuted().isPresent());
    }

    /** Whether its approval is minuted only, not signed. */
    default boolean minutedOnly() {
      return record().isEmpty() && minuted().isPresent();
    }
  }
}
