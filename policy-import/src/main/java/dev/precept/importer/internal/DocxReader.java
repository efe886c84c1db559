package dev.precept.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.w3c.dom.Node;

/**
 * A Word document (.docx) to blocks with Apache POI: Heading and Title styles, numbered and bulleted
 * paragraphs as list items at their level, bold and italic runs as Precept's markup, tables read
 * cell by cell, headers and footers kept aside for metadata, the table of contents left out, and
 * tracked changes taken as accepted (struck-out words and deleted table rows left out).
 */
public final class DocxReader {
  private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^heading\\s*([1-9])$");
  /** A list entry's letter, numeral or bullet typed by hand before a Normal paragraph: "(a) ", "ii) ", "• ". */
  private static final Pattern TYPED_ITEM = Pattern.compile("^(?:\\(?[a-z]\\)|\\(?[ivx]{1,5}\\)|[\u2022\u00b7\u2013-])\\s+(?=\\S)");
  /** A paragraph number typed by hand: "1.1 ", "2.3.1 " (the document numbers paragraphs itself). */
  private static final Pattern TYPED_PARAGRAPH_NUMBER = Pattern.compile("^\\d+(?:\\.\\d+)+\\.?\\s+(?=\\S)");
  private static final Pattern MANUAL_NUMBER = Pattern.compile("^(?:\\(?[a-z]\\)|\\(?[ivx]{1,5}\\)|\\d{1,2}[.)]|[\u2022\u00b7-])\\s+");

  private DocxReader() {}

  /** Reads the document; POI's own exceptions are the caller's to turn into messages. */
  public static SourceDocument read(String name, InputStream in) throws IOException {
    try (XWPFDocument document = new XWPFDocument(in)) {
      List<String> notes = new ArrayList<>();
      boolean styledHeadings = document.getParagraphs().stream().anyMatch(p -> headingLevel(document, p) > 0);
      List<Block> blocks = new ArrayList<>();
      int tables = 0;
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          paragraph(document, paragraph, styledHeadings, "", blocks);
        } else if (element instanceof XWPFTable table) {
          tables++;
          table(document, table, "table " + tables, blocks);
        } else if (element instanceof XWPFSDT) {
          notes.add("a content control (such as Word's table of contents) was left out");
        }
      }
      if (tables > 0) {
        notes.add(tables + (tables == 1 ? " table was" : " tables were") + " read cell by cell, each cell's paragraphs as clauses");
      }
      List<String> marginalia = new ArrayList<>();
      for (XWPFHeader header : document.getHeaderList()) {
        marginalia.addAll(lines(header.getText()));
      }
      for (XWPFFooter footer : document.getFooterList()) {
        marginalia.addAll(lines(footer.getText()));
      }
      var core = document.getProperties().getCoreProperties();
      Optional<String> title = Optional.ofNullable(core.getTitle()).map(Text::collapse).filter(s -> !s.isEmpty());
      Optional<LocalDate> created = Optional.ofNullable(core.getCreated())
          .map(d -> d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
      var extended = document.getProperties().getExtendedProperties();
      Optional<String> company = Optional.ofNullable(extended == null ? null : extended.getCompany())
          .map(Text::collapse).filter(s -> !s.isEmpty());
      return new SourceDocument(name, List.copyOf(blocks), List.copyOf(marginalia), title, company, created, List.copyOf(notes));
    }
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("[\\r\\n\\t]+")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static void table(XWPFDocument document, XWPFTable table, String where, List<Block> blocks) {
    int r = 0;
    for (XWPFTableRow row : table.getRows()) {
      r++;
      if (struckOut(row)) {
        continue;
      }
      int c = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        c++;
        String origin = where + ", row " + r + ", column " + c;
        for (IBodyElement element : cell.getBodyElements()) {
          if (element instanceof XWPFParagraph paragraph) {
            paragraph(document, paragraph, true, origin, blocks);
          } else if (element instanceof XWPFTable inner) {
            table(document, inner, origin + " (inner table)", blocks);
          }
        }
      }
    }
  }

  private static void paragraph(XWPFDocument document, XWPFParagraph paragraph, boolean styledHeadings, String origin,
      List<Block> blocks) {
    String style = styleName(document, paragraph);
    if (style.startsWith("toc") || style.equals("table of contents")) {
      return;
    }
    String text = Text.collapse(runs(paragraph));
    if (Text.plain(text).isBlank()) {
      return;
    }
    if (style.equals("title")) {
      blocks.add(new Block(Block.Type.TITLE, 0, Text.plain(text), origin));
      return;
    }
    int level = headingLevel(document, paragraph);
    if (level > 0) {
      blocks.add(new Block(Block.Type.HEADING, level, Text.plain(text), origin));
      return;
    }
    if (paragraph.getNumID() != null || style.startsWith("list")) {
      int indent = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
      Matcher manual = MANUAL_NUMBER.matcher(text);
      blocks.add(new Block(Block.Type.ITEM, indent, manual.lookingAt() ? text.substring(manual.end()) : text, origin));
      return;
    }
    // A short paragraph wholly in bold with no full stop is a heading in all but style.
    String plain = Text.plain(text);
    if (origin.isEmpty() && text.equals("**" + plain + "**") && plain.split("\\s+").length <= 10 && !Text.endsSentence(plain)
        && !plain.endsWith(":")) {
      blocks.add(new Block(Block.Type.HEADING, styledHeadings ? 2 : 1, plain, origin));
      return;
    }
    if (origin.isEmpty()) {
      Matcher item = TYPED_ITEM.matcher(text);
      if (item.lookingAt()) {
        blocks.add(new Block(Block.Type.ITEM, 0, text.substring(item.end()), origin));
        return;
      }
      Matcher number = TYPED_PARAGRAPH_NUMBER.matcher(text);
      if (number.lookingAt()) {
        text = text.substring(number.end());
      }
    }
    blocks.add(new Block(Block.Type.PARAGRAPH, 0, text, origin));
  }

  private static int headingLevel(XWPFDocument document, XWPFParagraph paragraph) {
    Matcher heading = HEADING_STYLE.matcher(styleName(document, paragraph));
    return heading.matches() ? Integer.parseInt(heading.group(1)) : 0;
  }

  private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
    String id = paragraph.getStyleID();
    if (id == null) {
      return "";
    }
    XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
    String name = style == null || style.getName() == null ? id : style.getName();
    String lower = name.toLowerCase(Locale.ROOT).strip();
    // Style ids such as "Heading1" carry no space.
    return lower.replaceFirst("^heading(\\d)$", "heading $1");
  }

  /** The paragraph's text with bold runs as {@code **strong**} and italic runs as {@code *emphasis*}. */
  private static String runs(XWPFParagraph paragraph) {
    StringBuilder out = new StringBuilder();
    StringBuilder span = new StringBuilder();
    int spanMarks = 0;
    for (IRunElement element : paragraph.getIRuns()) {
      String text;
      int marks = 0;
      if (element instanceof XWPFRun run) {
        if (struckOut(run)) {
          continue;
        }
        text = run.text();
        marks = (run.isBold() ? 2 : 0) + (run.isItalic() ? 1 : 0);
      } else if (element instanceof XWPFSDT sdt) {
        text = sdt.getContent().getText();
      } else {
        text = "";
      }
      text = text.replace('\t', ' ').replace('\n', ' ');
      if (text.isEmpty()) {
        continue;
      }
      if (marks != spanMarks && !text.isBlank()) {
        out.append(mark(span.toString(), spanMarks));
        span.setLength(0);
        spanMarks = marks;
      }
      span.append(text);
    }
    out.append(mark(span.toString(), spanMarks));
    return out.toString();
  }

  /**
   * Whether the run is tracked as deleted or moved away ({@code w:del}, {@code w:moveFrom}): the
   * document as the author last left it reads without it, so the import takes changes as accepted.
   */
  private static boolean struckOut(XWPFRun run) {
    Node parent = run.getCTR().getDomNode().getParentNode();
    String name = parent == null ? "" : parent.getLocalName();
    return "del".equals(name) || "moveFrom".equals(name);
  }

  /**
   * Whether the table row is tracked as deleted ({@code w:trPr/w:del}): Word may leave the cells'
   * words as plain runs and mark the row alone. Rows keep their numbers in the source as shown.
   */
  private static boolean struckOut(XWPFTableRow row) {
    var properties = row.getCtRow().getTrPr();
    return properties != null && properties.isSetDel();
  }

  private static String mark(String text, int marks) {
    return switch (marks) {
      case 1 -> Marks.wrap(text, "*");
      case 2 -> Marks.wrap(text, "**");
      case 3 -> Marks.wrap(text, "**");
      default -> text;
    };
  }
}
