package dev.precept.server.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Decision ids: time-ordered UUIDs (version 7, RFC 9562): 48 bits of milliseconds since 1970, then 74
 * random bits. Ids made later sort later, so the log's unique index on them grows at its end
 * instead of rewriting a page anywhere in it for every record.
 *
 * <p>The random bits come from a {@link SecureRandom} read 1 KiB at a time into a buffer of each
 * thread's own: the system's generator reads the operating system's random source under one lock
 * shared by every thread, once per call, which under load cost more than the rest of making an id.
 */
final class DecisionIds {
  /** Random bytes one id takes: 12 bits and 62 bits, from 2 and 8 bytes. */
  private static final int PER_ID = 10;
  private static final ThreadLocal<RandomBytes> RANDOM = ThreadLocal.withInitial(RandomBytes::new);

  private DecisionIds() {}

  /** A thread's buffer of random bytes, refilled from its own generator when used up. */
  private static final class RandomBytes {
    private final SecureRandom random = new SecureRandom();
    private final byte[] bytes = new byte[PER_ID * 100];
    private int next = bytes.length;

    /** The next {@code n} random bytes, big-endian, as a long ({@code n} at most 8). */
    long take(int n) {
      if (next + n > bytes.length) {
        random.nextBytes(bytes);
        next = 0;
      }
      long value = 0;
      for (int i = 0; i < n; i++) {
        value = value << 8 | bytes[next++] & 0xFF;
      }
      return value;
    }
  }

  /** A new decision id, e.g. {@code 019ab3c4-5d6e-7f01-8a2b-3c4d5e6f7081}. */
  static String next() {
    return at(System.currentTimeMillis()).toString();
  }

  /** A new version-7 UUID for this instant (milliseconds since 1970). */
  static UUID at(long millis) {
    RandomBytes random = RANDOM.get();
    long high = millis << 16 | 0x7000L | random.take(2) & 0x0FFFL;
    long low = random.take(8) & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }
}
