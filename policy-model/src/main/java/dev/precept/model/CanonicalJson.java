package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical JSON: the one canonicaliser for everything Precept digests or signs
 * (policy digests, approval records, decision-log chains), so two parts can never disagree about
 * the bytes they hash.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CanonicalJson {
  private CanonicalJson() {}

  /**
   * The canonical UTF-8 bytes of a JSON tree.
   *
   * @throws PolicyException when the tree holds a number JSON cannot represent canonically
   */
  public static byte[] bytes(JsonNode tree) {
    try {
      return new JsonCanonicalizer(tree.toString()).getEncodedUTF8();
    } catch (IOException | RuntimeException e) {
      throw new PolicyException("could not canonicalise the JSON: " + e.getMessage(), e);
    }
  }
}
