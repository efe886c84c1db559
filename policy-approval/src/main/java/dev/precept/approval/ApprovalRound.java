package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An approval round: the Board's secretary asks the signatories to decide on one edition, frozen
 * by its digest, by a due date. Kept beside the policy as {@code <policy>.round.yaml}; it holds
 * only fingerprints of the personal links, never the links themselves.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRound.class)
@JsonDeserialize(as = ImmutableApprovalRound.class)
@JsonPropertyOrder({"id", "policy", "version", "digest", "meeting", "opened", "due", "secretary", "invitations", "enrolments"})
public interface ApprovalRound {
  /** A new builder of {@link ApprovalRound}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ApprovalRound}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableApprovalRound.Builder {
    Builder() {}
  }

  /** The round's id, random hex. */
  String id();

  /** The policy's id. */
  String policy();

  /** The edition's version, as the policy gives it. */
  String version();

  /** The digest of the edition frozen when the round opened. */
  String digest();

  /** The meeting that decides, written into each record as its minute. */
  String meeting();

  /** The date the round opened. */
  LocalDate opened();

  /** The last day decisions are taken; the links expire after it. */
  LocalDate due();

  /** The SHA-256 (hex) of the secretary's link token. */
  String secretary();

  /** One personal invitation per signatory office. */
  List<Invitation> invitations();

  /** Passkeys registered by signatories and waiting for the secretary's confirmation. */
  List<Keyring.TrustedPasskey> enrolments();

  /** One signatory's personal invitation. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableInvitation.class)
  @JsonDeserialize(as = ImmutableInvitation.class)
  @JsonPropertyOrder({"office", "name", "link"})
  interface Invitation {
    /** A new builder of {@link Invitation}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Invitation}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableInvitation.Builder {
      Builder() {}
    }

    /** The signing office. */
    String office();

    /** The person who holds it. */
    String name();

    /** The SHA-256 (hex) of their link token. */
    String link();
  }

  /** The invitation for this office, if the round has one. */
  default Optional<Invitation> invitation(String office) {
    return invitations().stream().filter(i -> i.office().equals(office)).findFirst();
  }
}
