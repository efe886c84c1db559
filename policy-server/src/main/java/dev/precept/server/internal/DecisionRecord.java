package dev.precept.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One record of the decision log. Its hash covers every field and the previous record's hash, so
 * editing, reordering or deleting records breaks the chain.
 *
 * @param seq position in the chain, from 1; 0 until the writer appends it
 */
public record DecisionRecord(long seq, String decisionId, String recordedAt, String policyId, String editionVersion,
    String editionDigest, boolean draft, String outcome, String roles, String personRef, String apiKeyId, String incident,
    String ruling, String prevHash, String hash) {

  /** The hash chaining the previous record's hash to this record's fields. */
  public static String chain(long seq, String decisionId, String recordedAt, String policyId, String editionVersion,
      String editionDigest, boolean draft, String outcome, String roles, String personRef, String apiKeyId, String incident,
      String ruling, String prevHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String field : new String[] {prevHash, Long.toString(seq), decisionId, recordedAt, policyId, editionVersion,
          editionDigest, draft ? "1" : "0", outcome, roles, personRef == null ? "" : personRef, apiKeyId, incident, ruling}) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This record placed at {@code position} after a record with hash {@code previous}. */
  public DecisionRecord appendedAt(long position, String previous) {
    return new DecisionRecord(position, decisionId, recordedAt, policyId, editionVersion, editionDigest, draft, outcome, roles,
        personRef, apiKeyId, incident, ruling, previous, chain(position, decisionId, recordedAt, policyId, editionVersion,
            editionDigest, draft, outcome, roles, personRef, apiKeyId, incident, ruling, previous));
  }

  /** Whether the stored hash is the one its fields give. */
  public boolean hashMatches() {
    return hash.equals(chain(seq, decisionId, recordedAt, policyId, editionVersion, editionDigest, draft, outcome, roles,
        personRef, apiKeyId, incident, ruling, prevHash));
  }
}
