package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF (the PDF Association's reference validator, from its Maven artifacts) checks the rendered
 * document against every machine-checkable rule of PDF/UA-1; a failure names each rule the document
 * breaks by clause and test number with veraPDF's description. Rules that need a person (is the
 * alternative text right, is the reading order sensible) are outside any validator.
 */
class PdfUaValidationTest {
  /** The PDF/UA-1 rules the PDF fails, "7.1-11" to the rule's description; empty when it passes. */
  static Map<String, String> failedRules(byte[] pdf) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
      ValidationResult result = validator.validate(parser);
      Map<String, String> failed = new TreeMap<>();
      for (TestAssertion assertion : result.getTestAssertions()) {
        if (assertion.getStatus() == TestAssertion.Status.FAILED) {
          failed.merge(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber(), assertion.getMessage(), (a, b) -> a);
        }
      }
      return failed;
    }
  }

  @Test
  void theSeedDocumentPassesEveryPdfUa1Rule() throws Exception {
    byte[] pdf = DocumentRendererTest.pdf(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY));
    assertEquals(Map.of(), failedRules(pdf), "PDF/UA-1 rules the document fails, by clause and test number");
  }

  @Test
  void theApprovedSignedOffDocumentPassesEveryPdfUa1Rule() throws Exception {
    byte[] pdf = DocumentRendererTest.pdf(DocumentRendererTest.POLICY, PolicySiteTest.approvedOn(java.time.LocalDate.of(2016, 10, 20)));
    assertEquals(Map.of(), failedRules(pdf), "PDF/UA-1 rules the document fails, by clause and test number");
  }

  @Test
  void anUntaggedPdfFailsTheRulesOnTaggingAndTheStructureTree() throws Exception {
    // The check must be able to fail: a page with no tags, no structure tree, no metadata.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.save(out);
    }
    Map<String, String> failed = failedRules(out.toByteArray());
    assertTrue(failed.containsKey("6.2-1"), () -> "MarkInfo /Marked true: " + failed);
    assertTrue(failed.containsKey("7.1-11"), () -> "a structure tree: " + failed);
  }
}
