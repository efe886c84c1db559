package dev.precept.importer;

import dev.precept.model.Policy;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;

/** The rendered document as plain text, and the sentences of a source, for round-trip checks. */
final class RenderedText {
  private RenderedText() {}

  /** The Board's HTML document of the policy as the words a reader sees, whitespace collapsed. */
  static String of(Policy policy) {
    String html = DocumentRenderer.standard().html(policy, SignatureBlock.unsigned(policy));
    String body = html.substring(html.indexOf("<body"));
    String text = body.replaceAll("</?(strong|em|span|a)\\b[^>]*>", "").replaceAll("<[^>]+>", " ");
    return collapse(StringEscapeUtils.unescapeXml(text));
  }

  /** The sentences of a text, markup marks removed, in order. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String plain = collapse(paragraph.replace("**", ""));
      for (String sentence : plain.split("(?<=[.!?])\\s+(?=\\p{Lu})")) {
        if (!sentence.isBlank()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }

  /** The first sentence not found in {@code rendered} after the one before it, or null when all are there in order. */
  static String firstMissing(List<String> sentences, String rendered) {
    int from = 0;
    for (String sentence : sentences) {
      int at = rendered.indexOf(sentence, from);
      if (at < 0) {
        return sentence;
      }
      from = at + sentence.length();
    }
    return null;
  }

  static String collapse(String text) {
    return text.replaceAll("[\\s\\u00a0]+", " ").strip();
  }
}
