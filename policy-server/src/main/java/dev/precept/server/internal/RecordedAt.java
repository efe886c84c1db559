package dev.precept.server.internal;

import java.time.Instant;

/**
 * When a decision was recorded, as text: exactly what {@link Instant#toString()} gives (ISO-8601 in
 * UTC, the fraction of the second in groups of three digits, none when it is zero), with the date and
 * time of day worked out once a second instead of once a ruling.
 */
final class RecordedAt {
  /** The second last formatted and its text without the final {@code Z}. */
  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private RecordedAt() {}

  /** Now, as text. */
  static String now() {
    return text(Instant.now());
  }

  /** An instant as text, as {@link Instant#toString()} writes it. */
  static String text(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      String whole = Instant.ofEpochSecond(epochSecond).toString();
      second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
      last = second;
    }
    int nanos = instant.getNano();
    StringBuilder text = new StringBuilder(second.text().length() + 11).append(second.text());
    if (nanos != 0) {
      text.append('.');
      if (nanos % 1_000_000 == 0) {
        digits(text, nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(text, nanos / 1_000, 6);
      } else {
        digits(text, nanos, 9);
      }
    }
    return text.append('Z').toString();
  }

  /** {@code value} in {@code width} decimal digits, zero-padded on the left. */
  private static void digits(StringBuilder text, int value, int width) {
    int start = text.length();
    text.setLength(start + width);
    for (int i = start + width - 1; i >= start; i--) {
      text.setCharAt(i, (char) ('0' + value % 10));
      value /= 10;
    }
  }
}
