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
    String escaped = StringEscapeUtils.escapeXml10(text);
    escaped = replace(STRONG, escaped, "<strong>", "</strong>");
    return replace(EMPHASIS, escaped, "<em>", "</em>");
  }

  /** Plain escaped text, with no markup at all (titles, names). */
  public static String plain(String text) {
    return StringEscapeUtils.escapeXml10(text);
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
