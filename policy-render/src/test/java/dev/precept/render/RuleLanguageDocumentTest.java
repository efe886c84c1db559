package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.testkit.Golden;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/**
 * The Board's document states the rule language's provisions in words under the paragraph that
 * makes them (deeming, duties in order and time, options and factors, referrals, stages,
 * decisions of bodies, offices acting jointly, declared silence), in every format, as text.
 */
class RuleLanguageDocumentTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/rule-language");
  private static final Policy POLICY = PolicyLoader.standard().load(GOLDEN.resolve("policy.yaml"));
  private static final DocumentRenderer RENDERER = DocumentRenderer.standard();

  /** What the Board reads for each construct, as plain text. */
  static final List<String> LINES = List.of(
      "Deemed by this paragraph: the answer to \u201cWas the post made in an official capacity?\u201d is taken as yes when the"
          + " answer to \u201cDoes the post give the author's title as a councillor?\u201d is yes, whatever the incident says.",
      "For Councillors and Employees, in stages: first, the Clerk must ask for the post to be removed; if removed: nothing"
          + " further is stated; if refused: for Councillors, the breach must be dealt with under the Members' Code of Conduct"
          + " (referred to: Members' Code of Conduct; a referral, not a sanction of this policy), and for Employees, the breach"
          + " may lead to disciplinary action (then if upheld: the breach may lead to dismissal; if dismissed: nothing further is"
          + " stated).",
      "For Councillors and Employees: the breach must be reported to the police (referred to: the police; a referral, not a"
          + " sanction of this policy), only if the answer to \u201cCould the post be a criminal offence <script>alert(1)</script>?\u201d"
          + " is yes.",
      "For Members: the Standards Panel may impose a sanction, choosing from: a reprimand, a suspension of membership, expulsion;"
          + " weighed by: severity, impact, previous incidents, only if the Board of Trustees answer \u201cDo the trustees consider"
          + " the conduct a breach?\u201d yes by a majority of its members, at least 3 members taking part.",
      "No consequence is stated here for Contractors for any breach, on purpose: their conduct is governed by their contracts"
          + " with the Council.",
      "For Employees: the headteacher and the governing body must jointly decide what action to take.",
      "Steps, in order and in time: (1) report it to the Communications Team, within 24 hours of the incident; (2) take the"
          + " Communications Team's advice <b>first</b> $doc.title #set($x = 1); (3) respond, if at all, only after steps (1)"
          + " and (2).");

  @Test
  void theHtmlStatesEachProvisionUnderItsParagraphAndMatchesItsGoldenFile() {
    String html = RENDERER.html(POLICY, SignatureBlock.unsigned(POLICY));
    Golden.assertMatches(GOLDEN.resolve("document.html"), html);
    for (String line : LINES) {
      assertTrue(html.contains("<li>" + org.apache.commons.text.StringEscapeUtils.escapeXml10(line) + "</li>"), line);
    }
    assertFalse(html.contains("<script>"), "policy text is escaped, never markup");
    assertFalse(html.contains("<b>first</b>"), "policy text is escaped, never markup");
  }

  @Test
  void theMarkdownStatesEachProvisionAsAQuotedLineAndMatchesItsGoldenFile() {
    String markdown = RENDERER.markdown(POLICY, SignatureBlock.unsigned(POLICY));
    Golden.assertMatches(GOLDEN.resolve("document.md"), markdown);
    assertTrue(markdown.contains("> For Members: the Standards Panel may impose a sanction, choosing from: a reprimand,"), markdown);
    assertFalse(markdown.contains("<script>"), markdown);
  }

  @Test
  void thePdfCarriesEveryProvision() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.pdf(POLICY, SignatureBlock.unsigned(POLICY), out);
    try (var pdf = Loader.loadPDF(out.toByteArray())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      for (String line : LINES) {
        assertTrue(text.contains(line), line + "\n---\n" + text);
      }
    }
  }

  @Test
  void theWordDocumentCarriesEveryProvisionAsAParagraphOfItsOwn() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.docx(POLICY, SignatureBlock.unsigned(POLICY), out);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
      List<String> provisions = doc.getParagraphs().stream().filter(p -> "Provision".equals(p.getStyle()))
          .map(XWPFParagraph::getText).collect(Collectors.toList());
      assertEquals(LINES.size(), provisions.size(), provisions.toString());
      assertTrue(provisions.containsAll(LINES), provisions.toString());
    }
  }

  @Test
  void aPlainConsequenceGetsNoLineOfItsOwn() {
    String html = RENDERER.html(POLICY, SignatureBlock.unsigned(POLICY));
    assertFalse(html.contains("For Employees: the breach may lead to disciplinary action."), html);
  }

  @Test
  void aSilenceNoParagraphStatesIsListedAtTheEndWithItsReason() throws Exception {
    String yaml = java.nio.file.Files.readString(GOLDEN.resolve("policy.yaml"))
        .replace("    clause: conduct.contractors\n    appliesTo: [contractor]", "    appliesTo: [contractor]");
    Policy policy = PolicyLoader.standard().parse(yaml, "policy.yaml");
    String html = RENDERER.html(policy, SignatureBlock.unsigned(policy));
    int heading = html.indexOf("<h2 id=\"silences-heading\">Where this policy gives no consequence</h2>");
    assertTrue(heading > 0, html);
    assertTrue(html.indexOf("No consequence is stated here for Contractors for any breach, on purpose:") > heading, html);
    String markdown = RENDERER.markdown(policy, SignatureBlock.unsigned(policy));
    assertTrue(markdown.contains("## Where this policy gives no consequence\n\n> No consequence is stated here for Contractors"),
        markdown);
  }

  @Test
  void theWritingGuideQuotesTheseLinesAsTheDocumentPrintsThem() throws Exception {
    String guide = java.nio.file.Files.readString(Path.of("../docs/writing-a-policy.md")).replaceAll("\\s+", " ");
    for (String line : List.of(LINES.get(0), LINES.get(1), LINES.get(3), LINES.get(4))) {
      assertTrue(guide.contains(line), "docs/writing-a-policy.md should quote: " + line);
    }
  }
}
