package dev.precept.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;

/** Escaping skips the escaper only for text the escaper would leave as it is. */
class MarkupTest {
  @Test
  void everyCharacterIsEscapedAsTheXmlEscaperEscapesIt() {
    for (int c = 0; c <= 0xffff; c++) {
      String text = "a" + (char) c + "b";
      assertEquals(StringEscapeUtils.escapeXml10(text), Markup.plain(text), () -> "U+" + Integer.toHexString(text.charAt(1)));
    }
  }

  @Test
  void aPairedSurrogateAndAnUnpairedOneAreEscapedAsTheEscaperDoes() {
    for (String text : new String[] {"emoji \ud83d\ude00 here", "lone \ud83d here", "lone \ude00 here"}) {
      assertEquals(StringEscapeUtils.escapeXml10(text), Markup.plain(text));
    }
  }

  @Test
  void plainPolicyTextIsItsOwnEscapedForm() {
    String text = "Staff must report a concern to the Designated Safeguarding Lead, naïvely or not: 50% (at once).";
    assertFalse(Markup.changedByEscaping(text));
    assertEquals(text, Markup.html(text));
  }

  @Test
  void marksBecomeTagsAfterEscaping() {
    assertEquals("a <strong>b &amp; c</strong> <em>d</em> &lt;e&gt;", Markup.html("a **b & c** *d* <e>"));
  }
}
