package dev.precept.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseSuite;
import dev.precept.eval.PolicyCase;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Status;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import dev.precept.testkit.Golden;
import dev.precept.testkit.SeedPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The diff speaks the Board's language: paragraphs, dates, sentences, and the rulings that change. */
class DiffForTheBoardTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/diff-2016-2017");
  private static final Policy OLD = PolicyDiffTest.OLD;
  private static final Policy NEW = PolicyDiffTest.NEW;

  static ChangeSummary withCases() {
    List<PolicyCase> cases = new ArrayList<>(CaseSuite.load(CaseSuite.besidePolicy(PolicyDiffTest.NEW_FILE), NEW).cases());
    cases.addAll(CaseSuite.load(CaseSuite.besidePolicy(SeedPolicy.FILE), OLD).cases());
    return PolicyDiff.between(OLD, NEW, cases);
  }

  private static String descriptions(ChangeSummary summary) {
    return summary.changes().stream().map(Change::description).collect(Collectors.joining("\n"));
  }

  @Test
  void theTextOfTheDiffMatchesItsGoldenFile() {
    Golden.assertMatches(GOLDEN.resolve("changes.txt"), PolicyDiff.toText(withCases()));
  }

  @Test
  void theHtmlOfTheDiffMatchesItsGoldenFile() {
    Golden.assertMatches(GOLDEN.resolve("changes.html"),
        BoardPack.of(DocumentRenderer.standard()).changesHtml(withCases(), NEW.metadata().title()));
  }

  @Test
  void citesParagraphsByTheirNumberNotTheirIds() {
    String text = PolicyDiff.toText(withCases());
    assertTrue(text.contains("* Paragraph 1.3 reworded\n"), text);
    assertTrue(text.contains("  Paragraph 3.3 of version 2016.1 is now paragraph 3.4 (moved within section 3 (Code of Conduct))\n"), text);
    assertTrue(text.contains("* Paragraph 3.1(b) added in section 3 (Code of Conduct)\n"), text);
    assertTrue(text.contains("  Paragraphs renumbered as others were added, moved or removed: 3.1(b) to 3.1(c), 3.1(c) to 3.1(d), "
        + "3.1(d) to 3.1(e), 3.1(e) to 3.1(f), 3.4 to 3.3\n"), text);
    assertFalse(text.contains("principles.no-contact-with-children"), "clause ids stay in the JSON:\n" + text);
  }

  @Test
  void showsTheWordsOfAnAddedParagraphInTextAndHtml() {
    ChangeSummary summary = withCases();
    String text = PolicyDiff.toText(summary);
    assertTrue(text.contains("* Paragraph 3.1(b) added in section 3 (Code of Conduct)\n    {+The creation of any social media account in the name of"), text);
    String html = BoardPack.of(DocumentRenderer.standard()).changesHtml(summary, NEW.metadata().title());
    assertTrue(html.contains("<ins>The creation of any social media account in the name of the Trust"), html);
  }

  @Test
  void theHtmlNamesWhatChangedInTheDocumentsWordsNotTheYamls() {
    String html = BoardPack.of(DocumentRenderer.standard()).changesHtml(withCases(), NEW.metadata().title());
    assertTrue(html.contains("<td>paragraph</td><td>Paragraph 1.3 reworded"), html);
    assertTrue(html.contains("<td>document</td><td>The version changed from 2016.1 to 2017.1"), html);
    assertFalse(html.contains("<td>clause</td>") || html.contains("<td>metadata</td>"), html);
  }

  @Test
  void theRulingsThatChangeCiteParagraphsNotClauseIds() {
    String text = PolicyDiff.toText(withCases());
    assertTrue(text.contains("  - must: The breach must be fully investigated. (only if paragraph 1.4 is found to have been breached)\n"), text);
    assertTrue(text.contains("  - cannot rule: this edition has no such paragraph\n  + paragraph 3.1(b): breached\n"), text);
    String rulings = text.substring(text.indexOf("Verbal approval from the CEO"));
    assertFalse(rulings.contains("principles.working-hours-access") || rulings.contains("conduct.accounts-in-trust-name"), rulings);
  }

  @Test
  void theHtmlSaysWhichEditionEachLineOfAChangedRulingIsUnder() {
    String html = BoardPack.of(DocumentRenderer.standard()).changesHtml(withCases(), NEW.metadata().title());
    assertTrue(html.contains("a line marked - (in red) is the ruling under version 2016.1, a line marked + (in green) the ruling under version 2017.1."),
        html);
  }

  @Test
  void anExceptionThatNowAsksForWrittenPermissionSaysItAcceptedAnyFormBefore() {
    String text = descriptions(PolicyDiff.between(OLD, NEW));
    assertTrue(text.contains("The exception to paragraph 1.4: the forms permission may take changed from any form to written"), text);
    assertFalse(text.contains("(none) to written"), "an exception with no forms accepts any form, not none:\n" + text);
  }

  @Test
  void givesDatesAsDatesAndRevisionsAsSentences() {
    String text = descriptions(PolicyDiff.between(OLD, NEW));
    assertTrue(text.contains("The date of the edition changed from 1 September 2016 to 1 September 2017"), text);
    assertTrue(text.contains("The date approval is due changed from 31 October 2016 to 31 October 2017"), text);
    assertTrue(text.contains("The revision history adds version 2017.1 of 1 September 2017: \u201cAnnual review: contact with children"), text);
    assertFalse(text.contains("2016-09-01"), text);
    assertFalse(text.contains("{\""), "no JSON in the sentences: " + text);
  }

  @Test
  void aChangeOfStatusAloneIsNotSubstantive() {
    Policy approved = Policy.builder().from(OLD).metadata(Metadata.builder().from(OLD.metadata()).status(Status.APPROVED)
        .dates(dev.precept.model.Metadata.Dates.builder().from(OLD.metadata().dates()).approved(LocalDate.of(2016, 10, 12)).build()).build()).build();
    ChangeSummary summary = PolicyDiff.between(OLD, approved);
    assertEquals(0, summary.substantiveCount(), summary.changes().toString());
    assertEquals("The status changed from draft to approved\nThe date of approval is now 12 October 2016", descriptions(summary));
  }

  @Test
  void aReviewPeriodReadsInWords() {
    assertEquals("60 days", PolicyDiff.period(java.time.Period.ofDays(60)));
    assertEquals("1 year", PolicyDiff.period(java.time.Period.ofYears(1)));
    assertEquals("2 years and 6 months", PolicyDiff.period(java.time.Period.of(2, 6, 0)));
  }

  @Test
  void theRulingsThatChangeAreInTheTextCitingParagraphs() {
    String text = PolicyDiff.toText(withCases());
    int rulings = text.indexOf("Rulings that change (7):");
    assertTrue(rulings > 0, text);
    String verbal = text.substring(rulings, text.indexOf("(case-09)"));
    assertTrue(verbal.contains("(case-07)\n  - paragraph 1.4: cannot be decided from what the incident records\n"), verbal);
    assertTrue(verbal.contains("  + paragraph 1.4: breached\n"), verbal);
    assertTrue(text.substring(rulings).contains("  + paragraph 3.1(b): excused\n"), text.substring(rulings));
  }

  @Test
  void aRedlineKeepsEverySpaceOfBothEditions() {
    List<String[]> pairs = List.of(
        new String[] {"the Trust community and friends", "the University community and friends"},
        new String[] {"members of the Trust community", "members of the wider University community"},
        new String[] {"a b c d", "c d a b"},
        new String[] {"report to the Computing Lead or team", "report to the team or Online Safety Lead"},
        new String[] {"the Trust", "the wider Trust and University community"});
    for (String[] pair : pairs) {
      List<Change.Segment> redline = PolicyDiff.redline(pair[0], pair[1]);
      String old = redline.stream().filter(s -> s.kind() != Change.Segment.Kind.INSERTED).map(Change.Segment::text).collect(Collectors.joining());
      String now = redline.stream().filter(s -> s.kind() != Change.Segment.Kind.DELETED).map(Change.Segment::text).collect(Collectors.joining());
      assertEquals(pair[0], old, redline.toString());
      assertEquals(pair[1], now, redline.toString());
    }
  }

  @Test
  void aStandaloneDiffHasNoLinkToAPackButThePacksDoes() {
    BoardPack pack = BoardPack.of(DocumentRenderer.standard());
    assertFalse(pack.changesHtml(withCases(), NEW.metadata().title()).contains("index.html"));
    Map<String, byte[]> files = pack.files(NEW, SignatureBlock.unsigned(NEW), Optional.of(OLD), List.of(), List.of());
    assertTrue(new String(files.get("changes.html"), StandardCharsets.UTF_8).contains("<a href=\"index.html\">Review pack</a>"));
  }

  @Test
  void theDiffIsAlsoAPdfForTheBoard() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BoardPack.of(DocumentRenderer.standard()).changesPdf(withCases(), NEW.metadata().title(), LocalDate.of(2017, 9, 1), out);
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Social Media Policy: changes from version 2016.1 to version 2017.1"), text);
      assertTrue(text.contains("Paragraph 3.1(b) added in section 3 (Code of Conduct)"), text);
      assertTrue(text.contains("Rulings that change"), text);
      assertEquals("Changes to Social Media Policy: version 2016.1 to 2017.1", document.getDocumentInformation().getTitle());
    }
  }
}
