package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One signatory's decision on one edition, bound to the edition's digest and signed, either with
 * the signatory's Ed25519 key (the signature covers every other field) or with a passkey (the
 * WebAuthn challenge is derived from the record's statement fields, see {@link Passkeys}).
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRecord.class)
@JsonDeserialize(as = ImmutableApprovalRecord.class)
@JsonPropertyOrder({"policy", "office", "name", "decision", "date", "minute", "comment", "digest", "key", "signature", "passkey"})
public interface ApprovalRecord {
  /** A new builder of {@link ApprovalRecord}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ApprovalRecord}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableApprovalRecord.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** The signing office (one the policy declares as a signatory). */
  String office();

  /** The person who holds the office and signed. */
  String name();

  /** Approved, reviewed with no change, or changes requested. */
  Decision decision();

  /** The date of the decision. */
  LocalDate date();

  /** The meeting or minute reference. */
  Optional<String> minute();

  /** What the signatory asked to change, or said, with the decision. */
  Optional<String> comment();

  /** The digest of the edition decided on, {@code sha256:...}. */
  String digest();

  /** The fingerprint of the signer's public key, {@code SHA256:...} (for a passkey, of its COSE key). */
  String key();

  /** The Ed25519 signature over the record's other fields, or the passkey's WebAuthn signature; base64. */
  String signature();

  /** The WebAuthn evidence when the record was signed with a passkey; empty for an Ed25519 record. */
  Optional<PasskeyAssertion> passkey();
}
