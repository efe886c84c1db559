package dev.precept.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;

/** Page content is compressed once, and the background artifacts that mark nothing leave the page. */
class PageContentTest {
  private static final COSName PAGINATION = COSName.getPDFName("Pagination");

  /** The page's content after compacting, and the names left in its property lists. */
  private record Compacted(String content, Set<String> properties, boolean compressed) {}

  private static Compacted compact(String content, COSName... propertyTypes) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      COSDictionary properties = new COSDictionary();
      for (int i = 0; i < propertyTypes.length; i++) {
        COSDictionary list = new COSDictionary();
        list.setItem(COSName.TYPE, propertyTypes[i]);
        properties.setItem(COSName.getPDFName("Prop" + (i + 1)), list);
      }
      PDResources resources = new PDResources();
      resources.getCOSObject().setItem(COSName.PROPERTIES, properties);
      page.setResources(resources);
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream()) {
        out.write(content.getBytes(StandardCharsets.ISO_8859_1));
      }
      page.getCOSObject().setItem(COSName.CONTENTS, stream);

      PageContent.compact(document);

      COSStream after = (COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      try (InputStream in = after.createInputStream()) {
        Set<String> names = new TreeSet<>();
        properties.keySet().forEach(name -> names.add(name.getName()));
        return new Compacted(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), names,
            COSName.FLATE_DECODE.equals(after.getFilters()));
      }
    }
  }

  @Test
  void anEmptyBackgroundArtifactLeavesThePageWithItsPropertyList() throws IOException {
    Compacted page = compact("q\n/Artifact /Prop1 BDC\nEMC\n/Span <</MCID 0>> BDC\nBT (a) Tj ET\nEMC\nQ\n", COSName.BACKGROUND);
    assertEquals("q\n/Span <</MCID 0>> BDC\nBT (a) Tj ET\nEMC\nQ\n", page.content());
    assertEquals(Set.of(), page.properties());
    assertTrue(page.compressed(), "the content is deflated");
  }

  @Test
  void aBackgroundArtifactWithDrawingInsideStays() throws IOException {
    String content = "/Artifact /Prop1 BDC\n0 0 m\n10 0 l\nS\nEMC\n/Artifact /Prop2 BDC\nEMC\n";
    Compacted page = compact(content, COSName.BACKGROUND, COSName.BACKGROUND);
    assertEquals("/Artifact /Prop1 BDC\n0 0 m\n10 0 l\nS\nEMC\n", page.content());
    assertEquals(Set.of("Prop1"), page.properties());
  }

  @Test
  void anEmptyArtifactOfAnotherKindIsLeftAsItIs() throws IOException {
    String content = "/Artifact /Prop1 BDC\nEMC\n";
    Compacted page = compact(content, PAGINATION);
    assertEquals(content, page.content());
    assertEquals(Set.of("Prop1"), page.properties());
    assertTrue(page.compressed(), "compressed all the same");
  }

  @Test
  void operatorsSpelledInsideTextAreNotReadAsOperators() throws IOException {
    // The string holds what an empty artifact looks like, with a nested and an escaped parenthesis.
    String content = "BT\n(x \\) (/Artifact /Prop1 BDC\nEMC\n) y) Tj\nET\n<41> Tj\n";
    Compacted page = compact(content, COSName.BACKGROUND);
    assertEquals(content, page.content());
    assertEquals(Set.of("Prop1"), page.properties());
  }

  @Test
  void aNameAlsoUsedByMarkedContentThatStaysKeepsThePageWhole() throws IOException {
    String content = "/Artifact /Prop1 BDC\nEMC\n/Artifact /Prop1 BDC\n0 0 10 10 re f\nEMC\n";
    Compacted page = compact(content, COSName.BACKGROUND);
    assertEquals(content, page.content());
    assertEquals(Set.of("Prop1"), page.properties());
  }

  @Test
  void aPageWithAnInlineImageIsOnlyCompressed() throws IOException {
    String content = "/Artifact /Prop1 BDC\nEMC\nBI /W 1 /H 1 /CS /G /BPC 8 ID \u0000 EI\n";
    Compacted page = compact(content, COSName.BACKGROUND);
    assertEquals(content, page.content());
    assertTrue(page.compressed());
  }

  @Test
  void aRenderedPageKeepsTheBorderedListsArtifactAndNoEmptyOne() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PdfMaker.render("<html lang=\"en\"><head><title>t</title></head><body><div><p>One <span>two</span></p>"
        + "<ul style=\"border-left: 2px solid #888\"><li>three</li></ul></div></body></html>", java.util.Optional.empty(),
        new PdfMaker.Info("t", "a", "s", "k", java.time.LocalDate.of(2026, 1, 1), "00".repeat(32), false), out);
    try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
      PDPage page = document.getPage(0);
      String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertFalse(content.matches("(?s).*/Artifact /Prop\\d+ BDC\\s+EMC.*"), content);
      assertTrue(content.contains("/Artifact /Prop"), "the bordered list's artifact stays: " + content);
      assertTrue(content.contains("(") || content.contains("<"), "text is drawn");
    }
  }
}
