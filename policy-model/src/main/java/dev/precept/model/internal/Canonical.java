package dev.precept.model.internal;

import dev.precept.model.CanonicalJson;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical form of a policy: RFC 8785 (JCS) JSON of its parsed model, and its SHA-256.
 *
 * <p>It covers the policy's substance: everything except the record of its approval
 * ({@code metadata.status}, {@code metadata.dates.approved} and {@code metadata.revisions}). Those
 * change when the Board approves an edition or reviews it without change, and must not void the
 * approvals they record.
 */
public final class Canonical {
  private Canonical() {}

  /** The canonical JSON bytes (UTF-8) of the policy. */
  public static byte[] json(Policy policy) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode tree = Mappers.json().valueToTree(policy);
      com.fasterxml.jackson.databind.node.ObjectNode metadata = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("metadata");
      metadata.remove("status");
      metadata.remove("revisions");
      ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.get("dates")).remove("approved");
      return CanonicalJson.bytes(tree);
    } catch (IllegalArgumentException e) {
      throw new PolicyException("could not serialise the policy for its digest", e);
    }
  }

  /** SHA-256 of the canonical JSON. */
  public static byte[] sha256(Policy policy) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(json(policy));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
