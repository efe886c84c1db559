package dev.precept.importer.internal;

/** Wraps text in Precept's emphasis marks so the marks always touch non-space characters. */
final class Marks {
  private Marks() {}

  /** {@code text} wrapped in {@code mark}, leading and trailing spaces kept outside the marks. */
  static String wrap(String text, String mark) {
    String inner = text.strip();
    if (inner.isEmpty() || inner.contains("*")) {
      return text;
    }
    int start = text.indexOf(inner);
    return text.substring(0, start) + mark + inner + mark + text.substring(start + inner.length());
  }
}
