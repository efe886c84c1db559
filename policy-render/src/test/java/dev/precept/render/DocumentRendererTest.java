package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.testkit.Golden;
import dev.precept.testkit.SeedPolicy;
import dev.precept.model.Clause;
import dev.precept.model.Policy;
import dev.precept.model.Section;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Board's document reads like the original, in every format, and is the same every time. */
class DocumentRendererTest {
  static final Policy POLICY = SeedPolicy.policy();
  private static final Path GOLDEN = Path.of("src/test/resources/golden/connect-academy-trust");
  private static final DocumentRenderer RENDERER = DocumentRenderer.standard();

  static byte[] pdf(Policy policy, SignatureBlock signatures) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.pdf(policy, signatures, out);
    return out.toByteArray();
  }

  static List<String> originalSentences() {
    return SeedPolicy.originalSentences();
  }

  @Test
  void theHtmlOfTheSeedMatchesItsGoldenFile() {
    Golden.assertMatches(GOLDEN.resolve("document.html"), RENDERER.html(POLICY, SignatureBlock.unsigned(POLICY)));
  }

  @Test
  void theMarkdownOfTheSeedMatchesItsGoldenFile() {
    Golden.assertMatches(GOLDEN.resolve("document.md"), RENDERER.markdown(POLICY, SignatureBlock.unsigned(POLICY)));
  }

  @Test
  void thePdfContainsEverySentenceOfTheOriginal() throws Exception {
    byte[] pdf = pdf(POLICY, SignatureBlock.unsigned(POLICY));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/seed-document.pdf"), pdf);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // The contents lines carry leaders and page numbers the original lacks.
      text = text(document).replaceAll(" ?\\.{4,} ?\\d+", "");
    }
    List<String> missing = new ArrayList<>();
    for (String sentence : originalSentences()) {
      if (!text.contains(sentence)) {
        missing.add(sentence);
      }
    }
    assertEquals(List.of(), missing, "sentences of the original missing from the PDF");
    assertTrue(text.contains("For Review and Approval by the Board of Connect Academy Trust, October 2016"));
  }

  @Test
  void thePdfCarriesItsMetadataOutlineFontsAndPageNumbers() throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf(POLICY, SignatureBlock.unsigned(POLICY)))) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertEquals("Connect Academy Trust: Social Media Policy", info.getTitle());
      assertEquals("Connect Academy Trust", info.getAuthor());
      assertEquals("Social Media Policy, version 2016.1, draft", info.getSubject());
      assertTrue(info.getKeywords().contains(PolicyDigest.of(POLICY).toString()));
      assertEquals(2016, info.getCreationDate().get(java.util.Calendar.YEAR));
      List<String> outline = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        outline.add(item.getTitle());
      }
      assertEquals(List.of("1. Key Principles", "2. Aims", "3. Code of Conduct",
          "4. Potential and Actual Breaches of the Code of Conduct", "Signatures"), outline);
      var fonts = new ArrayList<String>();
      for (var name : document.getPage(2).getResources().getFontNames()) {
        var font = document.getPage(2).getResources().getFont(name);
        assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
        fonts.add(font.getName());
      }
      assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSerif")), fonts.toString());
      String lastPage = pageText(document, document.getNumberOfPages());
      assertTrue(lastPage.contains("Page " + document.getNumberOfPages() + " of " + document.getNumberOfPages()), lastPage);
      assertTrue(lastPage.contains("version 2016.1, Draft. Digest " + PolicyDigest.of(POLICY).shortForm()), lastPage);
      assertFalse(text(document).contains("DRAFT"), "the watermark is drawn, not text");
      assertEquals(document.getNumberOfPages(), watermarkedPages(document), "a draft carries the translucent watermark on every page");
    }
  }

  @Test
  void theSameInputGivesTheSameBytesWhateverTheClock() throws Exception {
    String html = RENDERER.html(POLICY, SignatureBlock.unsigned(POLICY));
    byte[] first = pdf(POLICY, SignatureBlock.unsigned(POLICY));
    Thread.sleep(1100); // a PDF stamped with the time would differ by now
    assertArrayEquals(first, pdf(POLICY, SignatureBlock.unsigned(POLICY)));
    assertEquals(html, RENDERER.html(POLICY, SignatureBlock.unsigned(POLICY)));
  }

  @Test
  void policyTextIsDataNeverMarkupOrTemplateCode() throws Exception {
    Policy hostile = withFirstClauseText(POLICY,
        "<script>alert('x')</script> $foo ${bar} #set($x = 1) #foreach($i in [1..3])$i#end &amp; **bold** café");
    String html = RENDERER.html(hostile, SignatureBlock.unsigned(hostile));
    assertTrue(html.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; $foo ${bar} #set($x = 1) #foreach($i in [1..3])$i#end &amp;amp; <strong>bold</strong> café"), html);
    assertFalse(html.contains("<script>"));
    String markdown = RENDERER.markdown(hostile, SignatureBlock.unsigned(hostile));
    assertTrue(markdown.contains("&lt;script&gt;"), markdown);
    try (PDDocument document = Loader.loadPDF(pdf(hostile, SignatureBlock.unsigned(hostile)))) {
      String text = text(document);
      assertTrue(text.contains("<script>alert('x')</script> $foo ${bar} #set($x = 1)"), text);
    }
  }

  @Test
  void aUsersTemplateFolderRestylesTheDocumentWithoutForking(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("document.css"), "body { color: #123456; }\n");
    String html = DocumentRenderer.withTemplates(folder).html(POLICY, SignatureBlock.unsigned(POLICY));
    assertTrue(html.contains("body { color: #123456; }"));
    assertTrue(html.contains("<h1>Social Media Policy</h1>"), "the built-in template is still used");
    Files.writeString(folder.resolve("document.md.vm"), "Policy: $doc.title ($doc.version)\n");
    assertEquals("Policy: Social Media Policy (2016.1)\n", DocumentRenderer.withTemplates(folder).markdown(POLICY, SignatureBlock.unsigned(POLICY)));
  }

  @Test
  void aTemplateCannotReachJavaThroughTheView(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("document.md.vm"), "$doc.getClass().getClassLoader()\n");
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.precept.model.PolicyException.class,
        () -> DocumentRenderer.withTemplates(folder).markdown(POLICY, SignatureBlock.unsigned(POLICY)));
    assertTrue(e.getMessage().contains("document.md.vm"), e.getMessage());
  }

  /** The text as a reader meets it: by position on the page, not by drawing order. */
  static String text(PDDocument document) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }

  /** Pages carrying a translucent fill, as only the watermark uses. */
  static int watermarkedPages(PDDocument document) throws Exception {
    int pages = 0;
    for (var page : document.getPages()) {
      for (var name : page.getResources().getExtGStateNames()) {
        Float alpha = page.getResources().getExtGState(name).getNonStrokingAlphaConstant();
        if (alpha != null && alpha < 0.5f) {
          pages++;
          break;
        }
      }
    }
    return pages;
  }

  static String pageText(PDDocument document, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(document).replaceAll("\\s+", " ");
  }

  static Policy withClauseText(Policy policy, String clauseId, String text) {
    return SeedPolicy.withClauseText(policy, clauseId, text);
  }

  static Policy withFirstClauseText(Policy policy, String text) {
    var section = policy.sections().get(0);
    var clauses = new ArrayList<>(section.clauses());
    clauses.set(0, Clause.builder().from(clauses.get(0)).text(text).build());
    var sections = new ArrayList<>(policy.sections());
    sections.set(0, Section.builder().from(section).clauses(clauses).build());
    return Policy.builder().from(policy).sections(sections).build();
  }
}
