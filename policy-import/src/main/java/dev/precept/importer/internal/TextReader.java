package dev.precept.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text to blocks: blank lines separate paragraphs, a short numbered line without a full stop
 * ("3. Code of Conduct") or an all-capitals line is a heading, lines opening with a bullet or a
 * list number ("-", "•", "a)", "(ii)") are list items. {@code **strong**} and {@code *emphasis*}
 * written in the text are kept as Precept's markup.
 */
public final class TextReader {
  static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?\\s+(\\p{Lu}.{0,100})$");
  private static final Pattern HASH_HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*$");
  private static final Pattern BULLET = Pattern.compile(
      "^\\s*(?:[-*+\u2022\u00b7\u25aa\u25cf\u2013o]|\\(?[a-z]\\)|\\(?[ivx]{1,5}\\)|\\(?\\d{1,2}\\)|[a-z]\\.)\\s+(\\S.*)$");
  private static final Pattern PARAGRAPH_NUMBER = Pattern.compile("^\\d+(?:\\.\\d+)+\\.?\\s+(?=\\S)");

  private TextReader() {}

  /** The blocks of a plain text document. */
  public static List<Block> read(String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (line.isBlank()) {
        flush(lines, blocks);
      } else {
        lines.add(line);
      }
    }
    flush(lines, blocks);
    return blocks;
  }

  private static void flush(List<String> lines, List<Block> blocks) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.stream().allMatch(l -> heading(l) != null)) {
      lines.forEach(l -> blocks.add(heading(l)));
      lines.clear();
      return;
    }
    StringBuilder paragraph = new StringBuilder();
    StringBuilder item = null;
    int itemLevel = 0;
    for (String line : lines) {
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches()) {
        addParagraph(paragraph, blocks);
        addItem(item, itemLevel, blocks);
        item = new StringBuilder(bullet.group(1));
        itemLevel = indent(line) >= 4 ? 1 : 0;
      } else if (item != null) {
        item.append(' ').append(line.strip());
      } else {
        paragraph.append(' ').append(line.strip());
      }
    }
    addParagraph(paragraph, blocks);
    addItem(item, itemLevel, blocks);
    lines.clear();
  }

  private static void addParagraph(StringBuilder paragraph, List<Block> blocks) {
    String text = Text.collapse(paragraph.toString());
    paragraph.setLength(0);
    if (!text.isEmpty()) {
      blocks.add(new Block(Block.Type.PARAGRAPH, 0, PARAGRAPH_NUMBER.matcher(text).replaceFirst("")));
    }
  }

  private static void addItem(StringBuilder item, int level, List<Block> blocks) {
    if (item != null) {
      blocks.add(new Block(Block.Type.ITEM, level, Text.collapse(item.toString())));
    }
  }

  /** The line as a heading, or null when it is not one. */
  static Block heading(String line) {
    String text = Text.collapse(line);
    Matcher hash = HASH_HEADING.matcher(text);
    if (hash.matches()) {
      return new Block(Block.Type.HEADING, hash.group(1).length(), hash.group(2));
    }
    Matcher numbered = NUMBERED_HEADING.matcher(text);
    if (numbered.matches() && !Text.endsSentence(numbered.group(2)) && !numbered.group(2).endsWith(":")) {
      return new Block(Block.Type.HEADING, numbered.group(1).split("\\.").length, text);
    }
    if (text.length() <= 80 && text.matches("[\\p{Lu}\\d][\\p{Lu}\\d &,'\u2019/()-]*\\p{Lu}") && text.matches(".*\\p{Lu}{2}.*")) {
      return new Block(Block.Type.HEADING, 1, text);
    }
    return null;
  }

  private static int indent(String line) {
    int n = 0;
    for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
      n += line.charAt(i) == '\t' ? 4 : 1;
    }
    return n;
  }
}
