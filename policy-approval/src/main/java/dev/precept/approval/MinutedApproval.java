package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An approval given before the policy came into Precept, at a meeting and minuted, recorded by the
 * clerk: which meeting, when, the minute reference and who recorded it. It names the edition's
 * digest and the signatory office it stands for, as a signed record does, but carries no signature:
 * it counts as approval, and is always shown as "minuted, not signed".
 *
 * <pre>{@code
 * MinutedApproval minuted = MinutedApproval.of(policy, "chair", "Board meeting", LocalDate.of(2016, 10, 12),
 *     "2016/41", "A. Clerk");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableMinutedApproval.class)
@JsonDeserialize(as = ImmutableMinutedApproval.class)
@JsonPropertyOrder({"policy", "office", "name", "meeting", "date", "minute", "digest", "recordedBy"})
public interface MinutedApproval {
  /** A new builder of {@link MinutedApproval}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MinutedApproval}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableMinutedApproval.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** The signatory office whose approval the minute records (one the policy declares). */
  String office();

  /** The person who held the office, when the minutes name them. */
  Optional<String> name();

  /** The meeting that approved the edition ("Board of Directors, autumn term meeting"). */
  String meeting();

  /** The date of the meeting. */
  LocalDate date();

  /** The minute reference ("2016/41"). */
  String minute();

  /** The digest of the edition the meeting approved, {@code sha256:...}. */
  String digest();

  /** The clerk who recorded the minuted approval in Precept. */
  String recordedBy();

  /**
   * A minuted approval of this edition by this signatory office, bound to its current digest.
   *
   * @throws dev.precept.model.PolicyException when the office does not sign this policy
   */
  static MinutedApproval of(dev.precept.model.Policy policy, String office, String meeting, LocalDate date, String minute,
      String recordedBy) {
    if (policy.metadata().signatories().stream().noneMatch(s -> s.office().equals(office))) {
      throw new dev.precept.model.PolicyException("office '" + office + "' does not sign policy " + policy.id()
          + "; its signatories are " + policy.metadata().signatories().stream().map(s -> s.office()).toList());
    }
    return MinutedApproval.builder().policy(policy.id()).office(office).meeting(meeting).date(date).minute(minute)
        .digest(dev.precept.model.PolicyDigest.of(policy).toString()).recordedBy(recordedBy).build();
  }

  /** In words: "approved at Board meeting on 12 October 2016, minute 2016/41; recorded by A. Clerk". */
  default String describe() {
    return "approved at " + meeting() + " on " + date().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))
        + ", minute " + minute() + "; recorded by " + recordedBy();
  }
}
