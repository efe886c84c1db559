package dev.precept.render.internal;

import dev.precept.model.PolicyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Board's document as a Word file (Apache POI): the title page, contents, numbered section
 * headings (Heading 1, Word numbering), clauses as paragraphs with their emphasis, lists as bulleted
 * list paragraphs, the signature block, a status line and header while it is a draft, and a footer
 * with version and digest. The same view gives the same bytes: the properties carry the policy's
 * date, and the zip is rewritten with fixed entry times in a fixed order.
 */
public final class DocxMaker {
  private static final Pattern STRONG = Pattern.compile("\\*\\*(\\S(?:.*?\\S)?)\\*\\*");
  private static final Pattern EMPHASIS = Pattern.compile("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])");
  private static final String FONT = "DejaVu Serif";
  private static final BigInteger HEADINGS = BigInteger.ONE;
  private static final BigInteger BULLETS = BigInteger.TWO;

  private DocxMaker() {}

  /**
   * Writes the document on {@code out}.
   *
   * @param view the document view with unescaped text ({@link DocumentView} with identity escapes)
   * @param date the date the file's properties carry (the approval or drafting date, never the clock)
   */
  @SuppressWarnings("unchecked")
  public static void render(Map<String, Object> view, LocalDate date, OutputStream out) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      properties(doc, view, date);
      styles(doc);
      BigInteger[] lists = numbering(doc);
      boolean draft = (Boolean) view.get("draft");
      String footerText = view.get("title") + ", version " + view.get("version") + ", " + view.get("status")
          + ". Digest " + view.get("digest") + ".";
      XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
      XWPFParagraph footerLine = footer.createParagraph();
      footerLine.setAlignment(ParagraphAlignment.CENTER);
      run(footerLine, footerText, false, false, 8);
      if (draft) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph mark = header.createParagraph();
        mark.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun r = run(mark, "DRAFT", true, false, 10);
        r.setColor("B00000");
      }

      paragraph(doc, "Organisation", (String) view.get("organisation"));
      paragraph(doc, "Title", (String) view.get("title"));
      paragraph(doc, "DateLine", (String) view.get("dateLine"));
      paragraph(doc, "ApprovalLine", (String) view.get("approvalLine"));
      XWPFParagraph status = doc.createParagraph();
      status.setStyle("StatusLine");
      run(status, draft ? "Status: " + view.get("status") + ". DRAFT: not approved; not in force." : "Status: " + view.get("status") + ".",
          true, false, 0);
      if ((Boolean) view.get("blanks")) {
        paragraph(doc, "ApprovalLine", "This is the master policy: each " + Blanks.OPEN + "[blank]" + Blanks.CLOSE
            + " in square brackets is filled in by each academy's own document.");
      }

      paragraph(doc, "ContentsHeading", "Contents");
      List<Map<String, Object>> sections = (List<Map<String, Object>>) view.get("sections");
      for (Map<String, Object> section : sections) {
        paragraph(doc, "ContentsEntry", section.get("number") + ". " + section.get("title"));
      }
      String shortTitle = (String) view.get("shortTitle");
      if (!shortTitle.isEmpty()) {
        XWPFParagraph running = paragraph(doc, "RunningTitle", shortTitle);
        running.setPageBreak(true);
      }
      boolean first = shortTitle.isEmpty();
      for (Map<String, Object> section : sections) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("Heading1");
        heading.setNumID(lists[0]);
        heading.setNumILvl(BigInteger.ZERO);
        heading.setPageBreak(first);
        first = false;
        run(heading, (String) section.get("title"), false, false, 0);
        for (Map<String, Object> block : (List<Map<String, Object>>) section.get("blocks")) {
          XWPFParagraph p = doc.createParagraph();
          p.setStyle("BodyText");
          boolean firstClause = true;
          for (Map<String, Object> clause : (List<Map<String, Object>>) block.get("clauses")) {
            if (!firstClause) {
              run(p, " ", false, false, 0);
            }
            marked(p, (String) clause.get("text"));
            firstClause = false;
          }
          for (Map<String, Object> item : (List<Map<String, Object>>) block.get("items")) {
            XWPFParagraph li = doc.createParagraph();
            li.setStyle("ListParagraph");
            li.setNumID(lists[1]);
            li.setNumILvl(BigInteger.ZERO);
            marked(li, (String) item.get("text"));
          }
          for (String line : (List<String>) block.get("provisions")) {
            paragraph(doc, "Provision", line);
          }
        }
      }
      List<String> silences = (List<String>) view.get("silences");
      if (!silences.isEmpty()) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("Heading1");
        run(heading, "Where this policy gives no consequence", false, false, 0);
        silences.forEach(line -> paragraph(doc, "Provision", line));
      }
      signatures(doc, (List<Map<String, Object>>) view.get("signatures"));
      doc.write(raw);
    } catch (IOException | RuntimeException e) {
      throw new PolicyException("could not write the Word document: " + e.getMessage(), e);
    }
    try {
      out.write(normalised(raw.toByteArray()));
    } catch (IOException e) {
      throw new PolicyException("could not write the Word document: " + e.getMessage(), e);
    }
  }

  private static void signatures(XWPFDocument doc, List<Map<String, Object>> lines) {
    boolean first = true;
    for (Map<String, Object> line : lines) {
      boolean signed = (Boolean) line.get("signed");
      XWPFParagraph label = paragraph(doc, "SignatureLabel", "Signed");
      if (first) {
        label.setSpacingBefore(720);
        first = false;
      }
      if (signed) {
        paragraph(doc, "SignatureFilled", (String) line.get("name"));
        paragraph(doc, "SignatureNote", (String) line.get("verification"));
      } else {
        paragraph(doc, "SignatureRule", "_______________________________________");
      }
      paragraph(doc, "SignatureOffice", (String) line.get("title"));
      paragraph(doc, "SignatureLabel", "Date");
      paragraph(doc, signed ? "SignatureFilled" : "SignatureRule", signed ? (String) line.get("date") : "_______________________________________");
    }
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    run(p, text, false, false, 0);
    return p;
  }

  private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
    int open = text.indexOf(Blanks.OPEN);
    if (open < 0) {
      return plainRun(p, text, bold, italic, size);
    }
    // A master's variable: a shaded italic run of its own, "[The academy's name]".
    int close = text.indexOf(Blanks.CLOSE, open);
    if (close < 0) {
      return plainRun(p, text.replace(String.valueOf(Blanks.OPEN), ""), bold, italic, size);
    }
    if (open > 0) {
      plainRun(p, text.substring(0, open), bold, italic, size);
    }
    XWPFRun blank = plainRun(p, text.substring(open + 1, close), bold, true, size);
    blank.setTextHighlightColor("lightGray");
    return close + 1 < text.length() ? run(p, text.substring(close + 1), bold, italic, size) : blank;
  }

  private static XWPFRun plainRun(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
    XWPFRun r = p.createRun();
    r.setText(text);
    if (bold) {
      r.setBold(true);
    }
    if (italic) {
      r.setItalic(true);
    }
    if (size > 0) {
      r.setFontSize(size);
    }
    return r;
  }

  /** Clause text with {@code **strong**} as bold runs and {@code *emphasis*} as italic runs. */
  static void marked(XWPFParagraph p, String text) {
    Matcher strong = STRONG.matcher(text);
    int at = 0;
    while (strong.find()) {
      emphasised(p, text.substring(at, strong.start()), false);
      emphasised(p, strong.group(1), true);
      at = strong.end();
    }
    emphasised(p, text.substring(at), false);
  }

  private static void emphasised(XWPFParagraph p, String text, boolean bold) {
    Matcher em = EMPHASIS.matcher(text);
    int at = 0;
    while (em.find()) {
      if (em.start() > at) {
        run(p, text.substring(at, em.start()), bold, false, 0);
      }
      run(p, em.group(1), bold, true, 0);
      at = em.end();
    }
    if (at < text.length()) {
      run(p, text.substring(at), bold, false, 0);
    }
  }

  private static void properties(XWPFDocument doc, Map<String, Object> view, LocalDate date) {
    POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
    Date when = Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC));
    core.setTitle(unmarked(view.get("organisation") + ": " + view.get("title")));
    core.setCreator(unmarked((String) view.get("organisation")));
    core.setSubjectProperty(unmarked((String) view.get("title")) + ", version " + view.get("version") + " (" + view.get("status") + ")");
    core.setKeywords((String) view.get("keywords"));
    core.setCreated(Optional.of(when));
    core.setModified(Optional.of(when));
    core.setLastModifiedByUser("Precept");
    core.getUnderlyingProperties().setLanguageProperty((String) view.get("language"));
    core.setRevision("1");
    doc.getProperties().getExtendedProperties().setApplication("Precept");
    doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(unmarked((String) view.get("organisation")));
  }

  /** A property's text: a blank keeps its brackets, without the markers that style it in the body. */
  private static String unmarked(String text) {
    return text.replace(String.valueOf(Blanks.OPEN), "").replace(String.valueOf(Blanks.CLOSE), "");
  }

  private static void styles(XWPFDocument doc) {
    XWPFStyles styles = doc.createStyles();
    style(styles, "Normal", "Normal", 11, false, false, 0, 120, -1);
    style(styles, "Title", "Title", 26, true, false, 240, 240, -1);
    style(styles, "Heading1", "heading 1", 14, true, false, 360, 120, 0);
    style(styles, "BodyText", "Body Text", 11, false, false, 0, 160, -1);
    style(styles, "ListParagraph", "List Paragraph", 11, false, false, 0, 80, -1);
    style(styles, "Provision", "Provision", 10, false, true, 0, 80, -1);
    style(styles, "Organisation", "Organisation", 16, false, false, 1440, 120, -1);
    style(styles, "DateLine", "Date Line", 12, false, false, 240, 120, -1);
    style(styles, "ApprovalLine", "Approval Line", 12, false, true, 0, 240, -1);
    style(styles, "StatusLine", "Status Line", 11, false, false, 240, 240, -1);
    style(styles, "ContentsHeading", "Contents Heading", 13, true, false, 480, 120, -1);
    style(styles, "ContentsEntry", "Contents Entry", 11, false, false, 0, 60, -1);
    style(styles, "RunningTitle", "Running Title", 12, true, false, 0, 240, -1);
    style(styles, "SignatureLabel", "Signature Label", 10, true, false, 240, 0, -1);
    style(styles, "SignatureRule", "Signature Rule", 11, false, false, 120, 0, -1);
    style(styles, "SignatureFilled", "Signature Filled", 11, false, false, 120, 0, -1);
    style(styles, "SignatureNote", "Signature Note", 9, false, true, 0, 0, -1);
    style(styles, "SignatureOffice", "Signature Office", 11, false, false, 0, 120, -1);
  }

  private static void style(XWPFStyles styles, String id, String name, int points, boolean bold, boolean italic,
      int before, int after, int outline) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    if (!id.equals("Normal")) {
      style.addNewBasedOn().setVal("Normal");
      style.addNewQFormat();
    }
    CTPPrGeneral paragraph = style.addNewPPr();
    paragraph.addNewSpacing().setBefore(BigInteger.valueOf(before));
    paragraph.getSpacing().setAfter(BigInteger.valueOf(after));
    if (outline >= 0) {
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
      paragraph.addNewKeepNext();
    }
    CTRPr run = style.addNewRPr();
    var fonts = run.addNewRFonts();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    run.addNewSz().setVal(BigInteger.valueOf(points * 2L));
    if (bold) {
      run.addNewB();
    }
    if (italic) {
      run.addNewI();
    }
    XWPFStyle added = new XWPFStyle(style, styles);
    styles.addStyle(added);
  }

  /** Numbering definitions: "1." for section headings, bullets for lists. */
  private static BigInteger[] numbering(XWPFDocument doc) {
    XWPFNumbering numbering = doc.createNumbering();
    CTAbstractNum headings = CTAbstractNum.Factory.newInstance();
    headings.setAbstractNumId(HEADINGS);
    CTLvl level = headings.addNewLvl();
    level.setIlvl(BigInteger.ZERO);
    level.addNewStart().setVal(BigInteger.ONE);
    level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
    level.addNewLvlText().setVal("%1.");
    CTAbstractNum bullets = CTAbstractNum.Factory.newInstance();
    bullets.setAbstractNumId(BULLETS);
    CTLvl bullet = bullets.addNewLvl();
    bullet.setIlvl(BigInteger.ZERO);
    bullet.addNewStart().setVal(BigInteger.ONE);
    bullet.addNewNumFmt().setVal(STNumberFormat.BULLET);
    bullet.addNewLvlText().setVal("\u2022");
    bullet.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720));
    bullet.getPPr().getInd().setHanging(BigInteger.valueOf(360));
    BigInteger h = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(headings)));
    BigInteger b = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(bullets)));
    return new BigInteger[] {h, b};
  }

  /**
   * The zip rewritten so its bytes depend only on its content: entries in a fixed order
   * ({@code [Content_Types].xml} first, as Word expects), each with the same fixed time.
   */
  static byte[] normalised(byte[] zip) throws IOException {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(Map.entry(entry.getName(), in.readAllBytes()));
      }
    }
    entries.sort(Comparator.comparing((Map.Entry<String, byte[]> e) -> !e.getKey().equals("[Content_Types].xml"))
        .thenComparing(Map.Entry::getKey));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zipOut = new ZipOutputStream(out)) {
      zipOut.setLevel(9);
      for (Map.Entry<String, byte[]> e : entries) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(LocalDateTime.of(2000, 1, 1, 0, 0));
        zipOut.putNextEntry(entry);
        zipOut.write(e.getValue());
        zipOut.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
