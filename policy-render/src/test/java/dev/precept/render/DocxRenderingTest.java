package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precept.model.Clause;
import dev.precept.model.PolicyDigest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Board's document as a Word file: its structure as Word sees it, every sentence, same bytes every time. */
class DocxRenderingTest {
  private static final DocumentRenderer RENDERER = DocumentRenderer.standard();

  static byte[] docx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.docx(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY), out);
    return out.toByteArray();
  }

  static XWPFDocument open(byte[] bytes) throws Exception {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  @Test
  void sectionHeadingsAreNumberedHeading1Paragraphs() throws Exception {
    try (XWPFDocument doc = open(docx())) {
      List<XWPFParagraph> headings = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyleID())).toList();
      assertEquals(List.of("Key Principles", "Aims", "Code of Conduct", "Potential and Actual Breaches of the Code of Conduct"),
          headings.stream().map(XWPFParagraph::getText).toList());
      for (XWPFParagraph heading : headings) {
        assertEquals(0, heading.getNumIlvl().intValue());
        assertEquals("decimal", heading.getNumFmt());
        assertEquals("%1.", heading.getNumLevelText());
      }
      assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
    }
  }

  @Test
  void listItemsAreBulletedAtTheFirstLevelAfterTheirLeadIn() throws Exception {
    Clause leadIn = DocumentRendererTest.POLICY.clause("conduct.not-acceptable").orElseThrow();
    try (XWPFDocument doc = open(docx())) {
      List<XWPFParagraph> paragraphs = doc.getParagraphs();
      int at = -1;
      for (int i = 0; i < paragraphs.size(); i++) {
        if (paragraphs.get(i).getText().startsWith("The following are not considered acceptable")) {
          at = i;
        }
      }
      assertTrue(at >= 0);
      for (int i = 0; i < leadIn.items().size(); i++) {
        XWPFParagraph item = paragraphs.get(at + 1 + i);
        assertEquals(leadIn.items().get(i).text().strip().replaceAll("\\s+", " "), item.getText());
        assertEquals("bullet", item.getNumFmt());
        assertEquals(0, item.getNumIlvl().intValue());
      }
    }
  }

  @Test
  void everySentenceOfTheOriginalIsThereInOrderWithItsBold() throws Exception {
    try (XWPFDocument doc = open(docx())) {
      String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining(" "))
          .replaceAll("\\s+", " ");
      assertInOrder(withoutSectionNumbers(), text);
      XWPFRun bold = doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
          .filter(r -> r.text().equals("not considered acceptable")).findFirst().orElseThrow();
      assertTrue(bold.isBold());
    }
  }

  @Test
  void draftCarriesItsStatusLineHeaderAndAFooterWithVersionAndDigest() throws Exception {
    try (XWPFDocument doc = open(docx())) {
      String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
      assertTrue(all.contains("Status: Draft. DRAFT: not approved; not in force."), all);
      assertEquals("DRAFT", doc.getHeaderList().get(0).getText().strip());
      String footer = doc.getFooterList().get(0).getText();
      assertTrue(footer.contains("version 2016.1") && footer.contains(PolicyDigest.of(DocumentRendererTest.POLICY).toString()), footer);
      assertEquals(2, all.lines().filter(l -> l.equals("Signed")).count(), "a signature line for the CEO and the Chair");
      assertTrue(all.contains("Chair of Connect Academy Trust"));
      assertEquals("Connect Academy Trust: Social Media Policy", doc.getProperties().getCoreProperties().getTitle());
    }
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertArrayEquals(docx(), docx());
  }

  @Test
  void libreOfficeShowsTheSameTextWhereInstalled(@TempDir Path folder) throws Exception {
    String office = Stream.of("/usr/bin/libreoffice", "/usr/bin/soffice").filter(p -> new File(p).canExecute())
        .findFirst().orElse(null);
    assumeTrue(office != null, "LibreOffice is not installed");
    Path docx = folder.resolve("policy.docx");
    Files.write(docx, docx());
    Process process = new ProcessBuilder(office, "--headless", "-env:UserInstallation=file://" + folder.resolve("profile"),
        "--convert-to", "pdf", "--outdir", folder.toString(), docx.toString()).redirectErrorStream(true).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "LibreOffice finished");
    Path pdf = folder.resolve("policy.pdf");
    assertTrue(Files.exists(pdf), new String(process.getInputStream().readAllBytes()));
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      // Each page's running header (the draft mark) and footer (version and digest) are page
      // furniture: a sentence that breaks across pages has them between its halves.
      String text = new PDFTextStripper().getText(document).lines()
          .filter(line -> !line.strip().equals("DRAFT"))
          .collect(java.util.stream.Collectors.joining(" "))
          .replaceAll("\\s+", " ")
          .replaceAll("Social Media Policy, version 2016\\.1, Draft\\. Digest sha256:[0-9a-f]{64}\\. ", "");
      assertInOrder(withoutSectionNumbers(), text);
      assertFalse(text.isBlank());
    }
  }

  /**
   * The original's sentences without "1." and the like (Word numbers the headings itself), and
   * "Signed" apart from the office (the document has a line to sign between them).
   */
  static List<String> withoutSectionNumbers() throws Exception {
    return DocumentRendererTest.originalSentences().stream()
        .map(s -> s.replaceAll("(^|\\s)\\d\\.(?=\\s|$)", "").strip()).filter(s -> !s.isEmpty())
        .flatMap(s -> s.startsWith("Signed ") ? Stream.of("Signed", s.substring(7)) : Stream.of(s)).toList();
  }

  static void assertInOrder(List<String> sentences, String text) {
    int from = 0;
    for (String sentence : sentences) {
      int at = text.indexOf(sentence, from);
      assertTrue(at >= 0, () -> "missing or out of order: " + sentence + "\nin: " + text);
      from = at + sentence.length();
    }
  }
}
