package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.ClauseKind;
import dev.precept.model.Clause;
import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.Section;
import dev.precept.testkit.SeedPolicy;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The document prints the numbers people cite, lists its contents with pages, and carries appendices. */
class NumberedDocumentTest {
  private static final Policy SEED = SeedPolicy.policy();
  private static final DocumentRenderer RENDERER = DocumentRenderer.standard();

  /** The seed with a glossary appendix of two paragraphs, the second leading a list. */
  static Policy withGlossary() {
    return Policy.builder().from(SEED).appendices(java.util.List.of(Section.builder().id("glossary").title("Glossary")
        .addClauses(Clause.builder().id("glossary.social-media").kind(ClauseKind.STATEMENT)
            .text("Social networking sites means any site where people post for others to read.").build())
        .addClauses(Clause.builder().id("glossary.equipment").kind(ClauseKind.STATEMENT)
            .text("Equipment means:")
            .addItems(Clause.builder().id("glossary.equipment.personal").kind(ClauseKind.STATEMENT).text("personal devices;").build())
            .addItems(Clause.builder().id("glossary.equipment.school").kind(ClauseKind.STATEMENT).text("school devices.").build())
            .build())
        .build())).build();
  }

  private static String pdfText(Policy policy) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.pdf(policy, SignatureBlock.unsigned(policy), out);
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  @Test
  void everyParagraphAndListItemCarriesTheNumberRulingsCite() {
    String html = RENDERER.html(SEED, SignatureBlock.unsigned(SEED));
    assertTrue(html.contains("<span class=\"paragraph-number\">3.4</span> <span id=\"clause-conduct.radicalisation\">"), html);
    assertTrue(html.contains("<li id=\"clause-conduct.name-and-logo\"><span class=\"item-number\">(a)</span> The use of"), html);
    String markdown = RENDERER.markdown(SEED, SignatureBlock.unsigned(SEED));
    assertTrue(markdown.contains("**4.2** Any breaches of this policy"), markdown);
    assertTrue(markdown.contains("- (e) Making derogatory"), markdown);
  }

  @Test
  void aParagraphThatLeadsIntoAListIsPrintedOnThePageOfItsFirstItem() throws Exception {
    for (Policy policy : List.of(SEED, dev.precept.model.PolicyLoader.standard().load(SeedPolicy.EDITION_2017))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RENDERER.pdf(policy, SignatureBlock.unsigned(policy), out);
      try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
        int leadIn = -1;
        int firstItem = -1;
        for (int page = 1; page <= document.getNumberOfPages(); page++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setSortByPosition(true);
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          String text = stripper.getText(document).replaceAll("\\s+", " ");
          leadIn = text.contains("The following are not considered acceptable") ? page : leadIn;
          firstItem = text.contains("(a) The use of the Trust's name") ? page : firstItem;
        }
        assertTrue(leadIn > 0, "the lead-in is in the PDF");
        assertEquals(leadIn, firstItem, "version " + policy.metadata().version() + ": paragraph 3.1's words and its item (a) are on pages");
      }
    }
  }

  @Test
  void thePdfContentsGiveTheFirstPageOfEverySection() throws Exception {
    String text = pdfText(SEED);
    for (String heading : List.of("1. Key Principles", "2. Aims", "3. Code of Conduct", "4. Potential and Actual Breaches of the Code of Conduct")) {
      assertTrue(Pattern.compile(Pattern.quote(heading) + "\\s+\\.{4,}\\s*[0-9]+\\R").matcher(text).find(), heading + " has no page in:\n" + text);
    }
    assertTrue(text.replaceAll("\\s+", " ").contains("1.1 All individuals of the Connect Academy Trust"), text);
  }

  @Test
  void anAppendixIsLetteredNumberedListedInTheContentsAndBookmarked() throws Exception {
    Policy policy = withGlossary();
    String html = RENDERER.html(policy, SignatureBlock.unsigned(policy));
    assertTrue(html.contains("<li><a href=\"#glossary\" title=\"Go to Appendix A: Glossary\">Appendix A: Glossary</a></li>"), html);
    assertTrue(html.contains("<h2 id=\"glossary-heading\">Appendix A: Glossary</h2>"), html);
    assertTrue(html.contains("<span class=\"paragraph-number\">A.2</span> <span id=\"clause-glossary.equipment\">Equipment means:</span>"), html);
    assertTrue(html.contains("<span class=\"item-number\">(b)</span> school devices."), html);
    assertTrue(html.indexOf("Appendix A: Glossary</h2>") < html.indexOf("id=\"signatures\""), "the appendix comes before the signatures");
    String markdown = RENDERER.markdown(policy, SignatureBlock.unsigned(policy));
    assertTrue(markdown.contains("### Appendix A: Glossary"), markdown);
    assertTrue(markdown.contains("**A.1** Social networking sites means"), markdown);
    String text = pdfText(policy);
    assertTrue(Pattern.compile("Appendix A: Glossary\\s+\\.{4,}\\s*[0-9]+\\R").matcher(text).find(), text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.pdf(policy, SignatureBlock.unsigned(policy), out);
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      List<String> outline = new ArrayList<>();
      for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
        outline.add(item.getTitle());
      }
      assertTrue(outline.contains("Appendix A: Glossary"), outline.toString());
    }
  }

  @Test
  void anApprovingBodyTitledTheCouncilIsNotTheTheCouncil() {
    List<Office> offices = new ArrayList<>();
    for (Office office : SEED.offices()) {
      offices.add(office.id().equals("board") ? Office.builder().id("board").title("the Council").build() : office);
    }
    Policy policy = Policy.builder().from(SEED).offices(offices).build();
    String html = RENDERER.html(policy, SignatureBlock.unsigned(policy));
    assertTrue(html.contains("For Review and Approval by the Council, October 2016"), html);
    assertFalse(html.contains("the the Council"), html);
  }
}
