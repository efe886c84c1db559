package dev.precept.importer.internal;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes the skeleton's YAML by hand, so it can carry comments: two-space indentation, every
 * string double-quoted with JSON-style escapes (so no text can become YAML syntax), long strings
 * folded at spaces onto continuation lines, which YAML reads back as single spaces.
 */
final class YamlWriter {
  private static final int WIDTH = 100;
  private final StringBuilder out = new StringBuilder();

  void comment(String text) {
    out.append("# ").append(commentText(text)).append('\n');
  }

  void blank() {
    out.append('\n');
  }

  void line(int indent, String text) {
    line(indent, text, null);
  }

  void line(int indent, String text, String comment) {
    out.append("  ".repeat(indent)).append(text);
    if (comment != null) {
      out.append("  # ").append(commentText(comment));
    }
    out.append('\n');
  }

  /** {@code key: "value"}, folded over several lines when long. */
  void scalar(int indent, String key, String value, String comment) {
    String quoted = quote(Text.collapse(value));
    String pad = "  ".repeat(indent);
    String first = pad + key + ": ";
    if (first.length() + quoted.length() <= WIDTH) {
      line(indent, key + ": " + quoted, comment);
      return;
    }
    if (comment != null) {
      out.append(pad).append("# ").append(commentText(comment)).append('\n');
    }
    String continuation = pad + "  ";
    StringBuilder current = new StringBuilder(first);
    String[] words = quoted.split(" ", -1);
    boolean startOfLine = true;
    for (String word : words) {
      if (!startOfLine && current.length() + 1 + word.length() > WIDTH) {
        out.append(current).append('\n');
        current = new StringBuilder(continuation);
        startOfLine = true;
      }
      if (!startOfLine) {
        current.append(' ');
      }
      current.append(word);
      startOfLine = false;
    }
    out.append(current).append('\n');
  }

  /**
   * An id as YAML reads it back as the same text: plain where it is ({@code conduct.logo}),
   * double-quoted where YAML 1.1 would read a number, a date, a boolean or null ({@code "55"},
   * {@code "1e5"}, {@code "2016-01-01"}, {@code "no"}).
   */
  static String plain(String id) {
    Tag tag = RESOLVER.resolve(NodeId.scalar, id, true);
    return Tag.STR.equals(tag) ? id : quote(id);
  }

  private static final Resolver RESOLVER = new Resolver();

  /** A YAML double-quoted scalar; the value's spaces are single (the readers collapse them). */
  static String quote(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        default -> {
          if (!printable(c) || c == 0x85 || c == 0x2028 || c == 0x2029 || (c >= 0xd800 && c <= 0xdfff && !validSurrogate(value, i))) {
            q.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  /**
   * Whether YAML allows the character as it is in a stream (YAML 1.1's printable set: tab and
   * line breaks aside, no C0 or C1 control, DEL, U+FFFE or U+FFFF); a surrogate is checked apart.
   */
  private static boolean printable(char c) {
    return c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xfffd;
  }

  /** A comment's text on one line, with any character YAML refuses in a stream shown as U+FFFD. */
  private static String commentText(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        kept.append(' ');
      } else if (printable(c) && c != 0x2028 && c != 0x2029 && !(c >= 0xd800 && c <= 0xdfff && !validSurrogate(text, i))) {
        kept.append(c);
      } else {
        kept.append('\ufffd');
      }
    }
    return kept.toString();
  }

  private static boolean validSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
