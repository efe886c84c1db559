package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** A trust's master policy, read by its Board, shows each variable as a marked blank in words. */
class MasterDocumentTest {
  static final Path MASTER = Path.of("../examples/connect-academy-trust-library/policies/social-media/social-media-policy-2017.yaml");
  private static final DocumentRenderer RENDERER = DocumentRenderer.standard();

  static Policy master() {
    return PolicyLoader.standard().load(MASTER);
  }

  @Test
  void theMastersHtmlShowsEachVariableAsAStyledBlankNamedByItsTitleNeverAsTemplateSyntax() {
    Policy master = master();
    String html = RENDERER.html(master, SignatureBlock.unsigned(master));
    assertFalse(html.contains("{{"), "template syntax in the Board's document");
    assertFalse(html.contains("}}"), "template syntax in the Board's document");
    assertTrue(html.contains("within the Connect Academy Trust and at <span class=\"blank\">[The academy&apos;s name, as its documents give it]</span>:"),
        "the blank is in the sentence, named by the variable's title");
    assertTrue(html.contains("Designated Safeguarding Lead is <span class=\"blank\">[The name of the academy&apos;s Designated Safeguarding Lead]</span>."));
    assertTrue(html.contains("<p class=\"running-title\">Social Media: <span class=\"blank\">[The academy&apos;s name, as its documents give it]</span></p>"));
    assertTrue(html.contains(".blank {"), "the blank is styled");
    assertTrue(html.contains("each <span class=\"blank\">[blank]</span> in square brackets is filled in by each academy"),
        "the document says in words what a blank is");
  }

  @Test
  void theMastersBlanksKeepThePolicyTextEscapedAndItsEmphasis() {
    Policy master = master();
    Clause clause = master.clause("conduct.not-acceptable").orElseThrow();
    Policy tricky = dev.precept.model.Policy.builder().from(master)
        .sections(master.sections().stream().map(s -> s.clauses().contains(clause)
            ? dev.precept.model.Section.builder().from(s).clauses(s.clauses().stream()
                .map(c -> c == clause ? Clause.builder().from(c).text("<script>x</script> **at {{academy.name}}** #set($a = 1) {{ unknown.one }}").build() : c)
                .toList()).build()
            : s).toList())
        .build();
    String html = RENDERER.html(tricky, SignatureBlock.unsigned(tricky));
    assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt; <strong>at <span class=\"blank\">[The academy&apos;s name, as its documents give it]</span></strong>"
        + " #set($a = 1) <span class=\"blank\">[unknown.one]</span>"), "escaped, emphasised, not evaluated");
    String markdown = RENDERER.markdown(tricky, SignatureBlock.unsigned(tricky));
    assertTrue(markdown.contains("\\[The academy's name, as its documents give it\\]"));
    assertFalse(markdown.contains("{{"));
  }

  @Test
  void theMastersMarkdownAndPdfShowBlanksInWords() throws Exception {
    Policy master = master();
    String markdown = RENDERER.markdown(master, SignatureBlock.unsigned(master));
    assertFalse(markdown.contains("{{"));
    assertTrue(markdown.contains("at \\[The academy's name, as its documents give it\\]:"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.pdf(master, SignatureBlock.unsigned(master), out);
    String text;
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      text = stripper.getText(pdf).replaceAll("\\s+", " ");
    }
    assertFalse(text.contains("{{"));
    assertTrue(text.contains("at [The academy's name, as its documents give it]:"), text.substring(Math.max(0, text.indexOf("not considered acceptable")), text.indexOf("not considered acceptable") + 200));
  }

  @Test
  void theMastersWordFileShowsEachVariableAsAShadedItalicBlank() throws Exception {
    Policy master = master();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.docx(master, SignatureBlock.unsigned(master), out);
    try (XWPFDocument doc = DocxRenderingTest.open(out.toByteArray())) {
      List<XWPFParagraph> paragraphs = doc.getParagraphs();
      assertTrue(paragraphs.stream().noneMatch(p -> p.getText().contains("{{") || p.getText().contains("\uE001")));
      XWPFParagraph leadIn = paragraphs.stream()
          .filter(p -> p.getText().startsWith("The following are not considered acceptable")).findFirst().orElseThrow();
      assertTrue(leadIn.getText().endsWith("at [The academy's name, as its documents give it]:"));
      XWPFRun blank = leadIn.getRuns().stream().filter(r -> r.text().startsWith("[The academy")).findFirst().orElseThrow();
      assertTrue(blank.isItalic());
      assertEquals("lightGray", blank.getTextHighlightColor().toString());
      assertEquals("Connect Academy Trust: Social Media Policy", doc.getProperties().getCoreProperties().getTitle());
    }
  }
}
