package dev.precept.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed acknowledgement links: the token names the person, the policy, the edition's digest and
 * an expiry, and carries an HMAC over them under a key the server keeps; it cannot be changed to
 * name another person or edition. Each works once (the server records the used ones).
 */
public final class AckLinks {
  private final byte[] key;

  /** Links signed with this key. */
  public AckLinks(byte[] key) {
    this.key = key.clone();
  }

  /** The key the acknowledgement form's CSRF token is derived under (one per link). */
  public byte[] csrfKey() {
    return Secrets.hmac(key, "csrf").getBytes(StandardCharsets.US_ASCII);
  }

  /** What a valid token says. */
  public record Claim(String person, String policy, String digest, Instant expires) {}

  /** A token for this person and edition, valid until {@code expires}. */
  public String token(String person, String policy, String digest, Instant expires) {
    String payload = String.join("\n", person, policy, digest, Long.toString(expires.getEpochSecond()));
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + Secrets.hmac(key, encoded);
  }

  /** What the token says, when its signature holds (expiry is checked by the caller, to say so). */
  public Optional<Claim> read(String token) {
    int dot = token.lastIndexOf('.');
    if (dot < 1 || token.length() > 2000) {
      return Optional.empty();
    }
    String encoded = token.substring(0, dot);
    if (!Secrets.same(Secrets.hmac(key, encoded), token.substring(dot + 1))) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      return Optional.of(new Claim(parts[0], parts[1], parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
