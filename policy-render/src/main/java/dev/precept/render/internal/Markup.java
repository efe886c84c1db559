package dev.precept.render.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Policy text to output markup. Text is escaped first, then the two marks a policy may use
 * ({@code **strong**}, {@code *emphasis*}) become tags: nothing in the text can become markup,
 * a script or template code.
 */
public final class Markup {
  private static final Pattern STRONG = Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*");
  private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])");
  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`\\[\\]_#|])");

  private Markup() {}

  /**
   * XML-safe HTML: {@code & < > " '} become references, non-ASCII stays as UTF-8 (named entities
   * such as {@code &eacute;} would break the PDF renderer's XML parser).
   */
  public static String html(String text) {
    String escaped = plain(text);
    if (escaped.indexOf('*') < 0) {
      return escaped;
    }
    escaped = replace(STRONG, escaped, "<strong>", "</strong>");
    return replace(EMPHASIS, escaped, "<em>", "</em>");
  }

  /** Plain escaped text, with no markup at all (titles, names). */
  public static String plain(String text) {
    return changedByEscaping(text) ? StringEscapeUtils.escapeXml10(text) : text;
  }

  /**
   * Whether XML 1.0 escaping could change the text: it holds one of {@code & < > " '}, a control
   * character other than tab and line ends, a character from U+007F to U+009F, a surrogate or
   * U+FFFE/U+FFFF. Most policy text holds none, and is then its own escaped form.
   */
  static boolean changedByEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
          : c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || (c >= 0x7f && c <= 0x9f)
              || Character.isSurrogate(c) || c >= 0xfffe) {
        return true;
      }
    }
    return false;
  }

  /** Markdown that shows the text literally, keeping only its emphasis marks. */
  public static String markdown(String text) {
    String escaped = MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1")
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    // A paragraph that opens like a list item or a number would be read as one.
    if (escaped.matches("^([-+]|\\d+[.)]) .*")) {
      escaped = "\\" + escaped;
    }
    return escaped;
  }

  private static String replace(Pattern pattern, String text, String open, String close) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(open + matcher.group(1) + close));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
