package dev.precept.server.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Decision ids: time-ordered UUIDs (version 7, RFC 9562): 48 bits of milliseconds since 1970, then 74
 * random bits. Ids made later sort later, so the log's unique index on them grows at its end
 * instead of rewriting a page anywhere in it for every record.
 */
final class DecisionIds {
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

  private DecisionIds() {}

  /** A new decision id, e.g. {@code 019ab3c4-5d6e-7f01-8a2b-3c4d5e6f7081}. */
  static String next() {
    return at(System.currentTimeMillis()).toString();
  }

  /** A new version-7 UUID for this instant (milliseconds since 1970). */
  static UUID at(long millis) {
    SecureRandom random = RANDOM.get();
    long high = millis << 16 | 0x7000L | random.nextInt(1 << 12);
    long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
