package dev.precept.importer.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Text helpers shared by the readers and the skeleton: whitespace, markup, ids. */
public final class Text {
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u3000]+");
  private static final Pattern MARKS = Pattern.compile("\\*{1,2}(\\S(?:.*?\\S)?)\\*{1,2}");
  private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "and", "or", "to", "in", "on", "for",
      "by", "with", "at", "as", "is", "are", "be", "it", "its", "this", "that", "these", "those", "any", "all",
      "will", "should", "must", "may", "not", "no", "from", "which", "who", "their", "they", "them", "there",
      "where", "when", "if", "such", "other", "also", "both", "each", "so", "than", "has", "have", "been", "was",
      "were", "can", "could", "would", "into", "about", "following", "policy", "trust", "s");

  private Text() {}

  /**
   * Runs of whitespace (including non-breaking and zero-width spaces) as one space, trimmed; a
   * doubled brace is parted ("{ {"), since in a policy {{name}} marks a trust's variable.
   */
  public static String collapse(String text) {
    String braces = text.replace("{{", "{ {").replace("}}", "} }");
    return SPACE.matcher(braces).replaceAll(" ").strip();
  }

  /** The text without {@code *} and {@code **} emphasis marks. */
  public static String plain(String text) {
    return MARKS.matcher(text).replaceAll("$1");
  }

  /**
   * A slug of up to {@code words} significant words: lower-case ASCII letters and digits joined by
   * {@code -}, stop words left out unless nothing else is left. Empty when the text has no letters
   * or digits at all.
   */
  public static String slug(String text, int words) {
    String ascii = Normalizer.normalize(plain(text), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
    List<String> all = new ArrayList<>();
    for (String word : ascii.split("[^a-z0-9]+")) {
      if (!word.isEmpty()) {
        all.add(word);
      }
    }
    List<String> chosen = new ArrayList<>();
    for (String word : all) {
      if (!STOPWORDS.contains(word) && chosen.size() < words) {
        chosen.add(word);
      }
    }
    if (chosen.isEmpty()) {
      chosen = all.subList(0, Math.min(words, all.size()));
    }
    // Short enough that a clause id (section, clause, a number to make it unique) stays within the
    // schema's 100 characters whatever the text: a run of letters without spaces is cut.
    String slug = String.join("-", chosen);
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
    }
    return slug;
  }

  /** The longest slug, in characters. */
  static final int MAX_SLUG = 40;

  /** Whether the text ends a sentence ({@code . ! ?} maybe followed by a quote or bracket). */
  public static boolean endsSentence(String text) {
    return plain(text).strip().matches("(?s).*[.!?;][\"'\u201d\u2019)\\]]*$");
  }
}
