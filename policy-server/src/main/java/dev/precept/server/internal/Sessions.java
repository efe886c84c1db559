package dev.precept.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Staff sessions without server state: the cookie names the API key the clerk signed in with and
 * an expiry, signed with a key kept in the database (so every instance accepts it). The key must
 * still be valid on each request, so revoking it ends its sessions. The CSRF token of a session is
 * derived from it, so a form from another site cannot carry it.
 */
public final class Sessions {
  /** The cookie's name. */
  public static final String COOKIE = "precept_session";
  /** How long a session lasts. */
  public static final Duration LENGTH = Duration.ofHours(8);

  private final byte[] key;

  /** Sessions signed with this key. */
  public Sessions(byte[] key) {
    this.key = key.clone();
  }

  /** A session cookie value for this key id. */
  public String open(String keyId, Instant now) {
    String payload = keyId + "|" + now.plus(LENGTH).getEpochSecond();
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return encoded + "." + Secrets.hmac(key, "session|" + encoded);
  }

  /** The key id of a valid, unexpired session cookie. */
  public Optional<String> keyId(String cookie, Instant now) {
    if (cookie == null || cookie.length() > 500) {
      return Optional.empty();
    }
    int dot = cookie.lastIndexOf('.');
    if (dot < 1 || !Secrets.same(Secrets.hmac(key, "session|" + cookie.substring(0, dot)), cookie.substring(dot + 1))) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 2 || Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(now)) {
        return Optional.empty();
      }
      return Optional.of(parts[0]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The CSRF token forms of this session carry. */
  public String csrf(String cookie) {
    return Secrets.hmac(key, "csrf|" + cookie);
  }
}
