package dev.precept.approval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One signatory's decision on one edition, bound to the edition's digest and signed with the
 * signatory's Ed25519 key. The signature covers every other field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableApprovalRecord.class)
@JsonDeserialize(as = ImmutableApprovalRecord.class)
@JsonPropertyOrder({"policy", "office", "name", "decision", "date", "minute", "digest", "key", "signature"})
public interface ApprovalRecord {
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

  /** The digest of the edition decided on, {@code sha256:...}. */
  String digest();

  /** The fingerprint of the signer's public key, {@code SHA256:...}. */
  String key();

  /** The Ed25519 signature over the record's other fields, base64. */
  String signature();
}
