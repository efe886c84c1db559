package dev.precept.importer.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown to blocks with commonmark: headings, paragraphs, list items (nesting kept as a level),
 * emphasis kept as Precept's markup; links become their text, code its literal text, raw HTML is
 * left out and noted.
 */
public final class MarkdownReader {
  private MarkdownReader() {}

  /** The blocks of a Markdown document, and notes on what was left out. */
  public static List<Block> read(String markdown, List<String> notes) {
    Node document = Parser.builder().build().parse(markdown);
    List<Block> blocks = new ArrayList<>();
    walk(document, 0, blocks, notes);
    return blocks;
  }

  private static void walk(Node parent, int listDepth, List<Block> blocks, List<String> notes) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        blocks.add(new Block(Block.Type.HEADING, heading.getLevel(), inline(heading)));
      } else if (node instanceof Paragraph paragraph) {
        String text = inline(paragraph);
        if (!text.isEmpty()) {
          boolean inItem = parent instanceof ListItem;
          boolean first = inItem && parent.getFirstChild() == node;
          blocks.add(new Block(first ? Block.Type.ITEM : Block.Type.PARAGRAPH, first ? listDepth - 1 : 0, text));
        }
      } else if (node instanceof BulletList || node instanceof OrderedList) {
        walk(node, listDepth + 1, blocks, notes);
      } else if (node instanceof ListItem || node instanceof BlockQuote) {
        walk(node, listDepth, blocks, notes);
      } else if (node instanceof FencedCodeBlock code) {
        addLiteral(code.getLiteral(), blocks);
      } else if (node instanceof IndentedCodeBlock code) {
        addLiteral(code.getLiteral(), blocks);
      } else if (node instanceof HtmlBlock) {
        notes.add("an HTML block in the Markdown was left out");
      }
    }
  }

  private static void addLiteral(String literal, List<Block> blocks) {
    String text = dev.precept.importer.internal.Text.collapse(literal);
    if (!text.isEmpty()) {
      blocks.add(new Block(Block.Type.PARAGRAPH, 0, text));
    }
  }

  private static String inline(Node node) {
    return dev.precept.importer.internal.Text.collapse(children(node));
  }

  private static String children(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      out.append(render(child));
    }
    return out.toString();
  }

  private static String render(Node node) {
    if (node instanceof Text text) {
      return text.getLiteral();
    }
    if (node instanceof Code code) {
      return code.getLiteral();
    }
    if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
      return " ";
    }
    if (node instanceof HtmlInline) {
      return "";
    }
    if (node instanceof Emphasis) {
      return Marks.wrap(children(node), "*");
    }
    if (node instanceof StrongEmphasis) {
      return Marks.wrap(children(node), "**");
    }
    return children(node);
  }
}
