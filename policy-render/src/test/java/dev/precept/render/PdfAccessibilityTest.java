package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF is tagged for assistive technology (PDF/UA): structure, language, title, bookmarks. */
class PdfAccessibilityTest {
  static byte[] pdf;

  @BeforeAll
  static void render() {
    pdf = DocumentRendererTest.pdf(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY));
  }

  private static void types(PDStructureNode node, List<String> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        out.add(element.getStructureType());
        types(element, out);
      }
    }
  }

  @Test
  void thePdfIsTaggedWithItsLanguageTitleAndPdfUaIdentification() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "marked as tagged");
      assertEquals("en-GB", catalog.getLanguage());
      assertTrue(catalog.getViewerPreferences().displayDocTitle(), "readers show the title, not the file name");
      String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertTrue(xmp.contains("pdfuaid") && xmp.contains("<pdfuaid:part>1</pdfuaid:part>") || xmp.contains("pdfuaid:part=\"1\""), xmp);
      assertTrue(xmp.contains("Social Media Policy"), "the title is in the XMP metadata");
    }
  }

  @Test
  void headingsListsAndParagraphsAreInTheStructureTree() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> types = new ArrayList<>();
      types(document.getDocumentCatalog().getStructureTreeRoot(), types);
      assertEquals(1, types.stream().filter("H1"::equals).count(), types::toString);
      int sections = DocumentRendererTest.POLICY.sections().size();
      assertTrue(types.stream().filter("H2"::equals).count() >= sections + 1, "a heading per section and the contents");
      int items = DocumentRendererTest.POLICY.clause("conduct.not-acceptable").orElseThrow().items().size();
      assertTrue(types.stream().filter("L"::equals).count() >= 2, "the contents and the clause list are lists");
      assertTrue(types.stream().filter("LI"::equals).count() >= sections + items, types::toString);
      assertTrue(types.stream().filter("P"::equals).count() >= 10, types::toString);
      assertTrue(types.indexOf("H1") < types.indexOf("H2"), "reading order: the title before the sections");
    }
  }

  @Test
  void bookmarksFollowTheSections() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
      }
      assertEquals(List.of("1. Key Principles", "2. Aims", "3. Code of Conduct",
          "4. Potential and Actual Breaches of the Code of Conduct", "Signatures"), titles);
    }
  }

  @Test
  void theDraftWatermarkIsAnArtifactNotContent() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(content.contains("/" + COSName.getPDFName("Artifact").getName() + " BMC"), "watermark wrapped as an artifact");
    }
  }
}
