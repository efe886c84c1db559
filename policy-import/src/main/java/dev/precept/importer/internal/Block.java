package dev.precept.importer.internal;

/**
 * One block of a source document as the readers see it: a heading, a paragraph or a list item,
 * its text already in Precept's light markup ({@code *emphasis*}, {@code **strong**}).
 *
 * @param type what the block is
 * @param level the heading level (1 = top) or list nesting level (0 = top); 0 for paragraphs
 * @param text the text, whitespace collapsed, markup for emphasis
 * @param origin where the block came from when not plain body text ("table row 2, column 1"), or empty
 */
public record Block(Type type, int level, String text, String origin) {
  /** The kinds of block. */
  public enum Type {
    /** The document's title (Word's Title style, a lone top heading in Markdown). */
    TITLE,
    /** A heading that starts a section. */
    HEADING,
    /** A paragraph of text. */
    PARAGRAPH,
    /** An item of a bulleted or numbered list. */
    ITEM
  }

  /** A plain block. */
  public Block(Type type, int level, String text) {
    this(type, level, text, "");
  }

  /** The text without emphasis marks. */
  public String plain() {
    return Text.plain(text);
  }
}
