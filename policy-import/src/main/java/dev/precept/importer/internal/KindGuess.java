package dev.precept.importer.internal;

import dev.precept.model.ClauseKind;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause kind guessed from the wording, with the words that led to it, so the skeleton can say
 * why ("guessed from 'must not'") and the clerk can judge.
 *
 * @param kind the guessed kind
 * @param because why: the words found, or what was missing
 */
public record KindGuess(ClauseKind kind, String because) {
  private record Rule(Pattern pattern, ClauseKind kind) {}

  private static final List<Rule> RULES = List.of(
      rule("may (?:lead to|result in)|will (?:lead to|result in)|could result in|disciplinary action"
          + "|summary dismissal|(?:be|been) (?:fully )?investigated|may be viewed as (?:gross )?misconduct"
          + "|will take appropriate action|action (?:being|will be) taken", ClauseKind.PROCEDURE),
      rule("must not|must never|shall not|may not|is not permitted|are not permitted|not allowed|prohibited"
          + "|forbidden|not (?:considered )?acceptable|is not tolerated|should not|should never", ClauseKind.PROHIBITION),
      rule("\\bmust\\b|\\bshall\\b|(?:is|are) required to|responsibility to|(?:is|are) expected to|should ensure"
          + "|will ensure|have a duty|has a duty", ClauseKind.OBLIGATION),
      rule("advised to|\\bshould\\b|recommended|encouraged to|\\bbe aware\\b|good practice", ClauseKind.ADVISORY),
      rule("this policy (?:applies|relates|covers)|applies to (?:all|any|everyone)|the scope of", ClauseKind.SCOPE));

  private static Rule rule(String regex, ClauseKind kind) {
    return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), kind);
  }

  /** "To protect ...": the start of a sentence saying what the policy is for. */
  private static final java.util.regex.Pattern AIM = java.util.regex.Pattern.compile("to [a-z]+\\b");

  /**
   * The guess for a clause's text, in a section with this heading; {@code leadIn} is the text of
   * the clause introducing the list when the clause is a list item, else null.
   */
  public static KindGuess of(String text, String sectionTitle, String leadIn) {
    String plain = Text.plain(text).toLowerCase(Locale.ROOT);
    if (leadIn != null && !RULES.get(0).pattern().matcher(plain).find()) {
      String intro = Text.plain(leadIn).toLowerCase(Locale.ROOT);
      for (int r = 1; r < 3; r++) {
        Matcher m = RULES.get(r).pattern().matcher(intro);
        if (m.find()) {
          return new KindGuess(RULES.get(r).kind(), "its lead-in says \"" + m.group().strip() + "\"");
        }
      }
    }
    if (plain.strip().endsWith(":")) {
      return new KindGuess(ClauseKind.STATEMENT, "it introduces a list");
    }
    Matcher aim = AIM.matcher(plain);
    if (aim.lookingAt() && !plain.contains(" must ")) {
      return new KindGuess(ClauseKind.AIM, "guessed from \"" + aim.group() + "\" at the start");
    }
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(plain);
      if (m.find()) {
        return new KindGuess(rule.kind(), "guessed from \"" + m.group().strip() + "\"");
      }
    }
    String heading = sectionTitle.toLowerCase(Locale.ROOT);
    if (heading.matches(".*\\b(principles?|values?|ethos)\\b.*")) {
      return new KindGuess(ClauseKind.PRINCIPLE, "guessed from the heading \"" + sectionTitle + "\"");
    }
    if (heading.matches(".*\\b(aims?|purposes?|objectives?)\\b.*")) {
      return new KindGuess(ClauseKind.AIM, "guessed from the heading \"" + sectionTitle + "\"");
    }
    if (heading.matches(".*\\b(scope|application)\\b.*")) {
      return new KindGuess(ClauseKind.SCOPE, "guessed from the heading \"" + sectionTitle + "\"");
    }
    return new KindGuess(ClauseKind.STATEMENT, "no rule wording found");
  }
}
