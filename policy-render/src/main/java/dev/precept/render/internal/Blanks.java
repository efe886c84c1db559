package dev.precept.render.internal;

import dev.precept.model.Policy;
import dev.precept.model.Variation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of a trust's master policy ({@code {{academy.name}}}) as marked blanks in the
 * master's own document: a Board member reading the trust-wide text sees "[The academy's name]",
 * styled as a blank, never template syntax. Text around a variable is escaped as before; the blank
 * holds the variable's title (its id when undeclared), escaped too, and nothing is evaluated.
 */
public final class Blanks {
  /** {{ name }}: the name in group 1, as the model reads it. */
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z0-9]+(?:[.-][a-z0-9]+)*)\\s*\\}\\}");
  /** Stands for one variable while the text is escaped: no escaping or mark touches it. */
  private static final char HOLE = '\uE000';
  /** Opens a blank in the unescaped (Word) view, for {@link DocxMaker} to style. */
  public static final char OPEN = '\uE001';
  /** Closes a blank in the unescaped (Word) view. */
  public static final char CLOSE = '\uE002';

  private Blanks() {}

  /** Whether the text holds a variable. */
  public static boolean in(String text) {
    return text.contains("{{") && VARIABLE.matcher(text).find();
  }

  /**
   * The escape, with each variable in the text made a blank.
   *
   * @param escape escapes text for the format (and may turn emphasis marks into markup)
   * @param blank the format's marked blank for an already-escaped label
   * @param label escapes a blank's label for the format, with no markup
   */
  public static UnaryOperator<String> marking(Policy policy, UnaryOperator<String> escape,
      UnaryOperator<String> label, UnaryOperator<String> blank) {
    return text -> {
      if (!in(text)) {
        return escape.apply(text);
      }
      // The text's own private-use characters cannot pose as a variable.
      String own = text.replace(HOLE, '\uFFFD').replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(own);
      StringBuilder holed = new StringBuilder();
      while (m.find()) {
        names.add(m.group(1));
        m.appendReplacement(holed, String.valueOf(HOLE));
      }
      m.appendTail(holed);
      String escaped = escape.apply(holed.toString());
      StringBuilder out = new StringBuilder();
      int next = 0;
      for (int i = 0; i < escaped.length(); i++) {
        char c = escaped.charAt(i);
        if (c == HOLE && next < names.size()) {
          out.append(blank.apply(label.apply(title(policy, names.get(next++)))));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    };
  }

  /** Whether text the document prints may hold a variable: the policy is a trust's master with variables. */
  public static boolean apply(Policy policy) {
    return policy.variation().map(v -> !v.variables().isEmpty()).orElse(false);
  }

  /** The text with each variable as a bracketed blank and no other change (document properties). */
  public static String bracketed(Policy policy, String text) {
    return apply(policy) ? marking(policy, UnaryOperator.identity(), UnaryOperator.identity(), l -> "[" + l + "]").apply(text)
        : text;
  }

  /**
   * How a format marks a blank, given its escaped label: in text, and in titles, which the HTML
   * template also puts in attributes and the {@code <title>} element, so they hold no markup.
   */
  public record Format(UnaryOperator<String> inText, UnaryOperator<String> inTitle) {}

  /** HTML: a styled span holding brackets, so the blank reads as one without its style too. */
  public static final Format HTML = new Format(l -> "<span class=\"blank\">[" + l + "]</span>", l -> "[" + l + "]");

  /** Markdown: escaped brackets, shown as brackets. */
  public static final Format MARKDOWN = new Format(l -> "\\[" + l + "\\]", l -> "\\[" + l + "\\]");

  /** Word: brackets between markers that {@link DocxMaker} makes a shaded italic run. */
  public static final Format WORD = new Format(l -> OPEN + "[" + l + "]" + CLOSE, l -> OPEN + "[" + l + "]" + CLOSE);

  private static String title(Policy policy, String name) {
    return policy.variation().flatMap(v -> v.variable(name)).map(Variation.Variable::title).orElse(name);
  }
}
