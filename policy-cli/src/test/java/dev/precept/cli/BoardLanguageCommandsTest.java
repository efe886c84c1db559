package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the clerk and the Board meet on the command line: paragraph numbers, the diff as PDF, minuted approvals. */
class BoardLanguageCommandsTest {
  static final String NEXT = "../examples/connect-academy-trust/social-media-policy-2017.yaml";
  static final String LOGO = "../examples/connect-academy-trust/incidents/staff-logo-after-hours.json";

  private static Path policyIn(Path dir) throws Exception {
    Path policy = dir.resolve("social-media-policy.yaml");
    Files.copy(Path.of(PreceptTest.SEED), policy);
    return policy;
  }

  @Test
  void aRulingCitesParagraphsAndSaysWhichBreachAConsequenceFollows() {
    PreceptTest.Run run = run("evaluate", PreceptTest.SEED, LOGO);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\nParagraph 3.1(a): BREACHED\n"), run.out());
    assertTrue(run.out().contains("- The breach of paragraph 3.1(a) must be fully investigated."), run.out());
    assertTrue(run.out().replaceAll("\\s+", " ").contains("[employee.investigation, from paragraph 4.2]"), run.out());
    assertFalse(run.out().contains("conduct.name-and-logo:"), "clause ids stay in the JSON: " + run.out());
    assertFalse(run.out().contains("breaches.employee"), "clause ids stay in the JSON: " + run.out());
    assertTrue(run("evaluate", "--format", "json", PreceptTest.SEED, LOGO).out().contains("\"conduct.name-and-logo\""));
  }

  @Test
  void diffWritesAPdfForTheBoard(@TempDir Path dir) throws Exception {
    Path pdf = dir.resolve("changes.pdf");
    PreceptTest.Run run = run("diff", PreceptTest.SEED, NEXT, "--format", "pdf", "--out", pdf.toString());
    assertEquals(0, run.code(), run.err());
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(text.contains("Social Media Policy: changes from version 2016.1 to version 2017.1"), text);
      assertTrue(text.contains("The date of the edition changed from 1 September 2016 to 1 September 2017"), text);
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void diffAsPdfWithoutAFileIsAUsageError() {
    PreceptTest.Run run = run("diff", PreceptTest.SEED, NEXT, "--format", "pdf");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--format pdf writes a file: give it with --out FILE"), run.err());
  }

  @Test
  void aStandaloneHtmlDiffHasNoDeadLinkToAPack() {
    PreceptTest.Run run = run("diff", "--format", "html", PreceptTest.SEED, NEXT);
    assertEquals(0, run.code(), run.err());
    assertFalse(run.out().contains("index.html"), run.out());
  }

  @Test
  void theClerkRecordsAMinutedApprovalThatVerifiesAsMinutedNotSigned(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    PreceptTest.Run recorded = run("record-approval", policy.toString(), "--as", "ceo,chair", "--meeting", "Board of Directors meeting",
        "--date", "2016-10-12", "--minute", "2016/41", "--recorded-by", "A. Clerk");
    assertEquals(0, recorded.code(), recorded.err());
    assertTrue(recorded.out().contains("minuted, not signed"), recorded.out());
    PreceptTest.Run verify = run("verify", policy.toString());
    assertEquals(0, verify.code(), verify.out());
    assertTrue(verify.out().contains("  minuted          chair, approved at Board of Directors meeting on 12 October 2016, minute 2016/41; "
        + "recorded by A. Clerk; minuted, not signed"), verify.out());
    assertTrue(verify.out().contains("APPROVED (minuted, not signed, for Chief Executive Officer and Chair of Connect Academy Trust)"), verify.out());
    assertTrue(run("verify", "--format", "json", policy.toString()).out().contains("\"signed\" : false"));
    Path out = dir.resolve("out");
    assertEquals(0, run("render", policy.toString(), "--format", "html", "--out", out.toString()).code());
    String html = Files.readString(out.resolve("social-media-policy.html"));
    assertFalse(html.contains("class=\"draft\""), "a minuted approval ends the draft");
    assertTrue(html.contains("(minuted, not signed)"), html);
    assertEquals(Files.readString(Path.of(PreceptTest.SEED)), Files.readString(policy), "recording never edits the policy");
  }

  @Test
  void aMinutedApprovalOfAnEditedPolicyNoLongerCounts(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    assertEquals(0, run("record-approval", policy.toString(), "--as", "ceo,chair", "--meeting", "Board meeting",
        "--date", "2016-10-12", "--minute", "2016/41", "--recorded-by", "A. Clerk").code());
    Files.writeString(policy, Files.readString(policy).replace("be fully investigated", "be investigated"));
    PreceptTest.Run verify = run("verify", policy.toString());
    assertEquals(1, verify.code(), verify.out());
    assertTrue(verify.out().contains("Chief Executive Officer's minuted approval does not count: it is for an earlier edition"), verify.out());
  }

  @Test
  void recordApprovalRefusesAnOfficeThatDoesNotSignAndNeedsTheMinute(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    PreceptTest.Run board = run("record-approval", policy.toString(), "--as", "board", "--meeting", "Board meeting",
        "--date", "2016-10-12", "--minute", "2016/41", "--recorded-by", "A. Clerk");
    assertEquals(1, board.code());
    assertTrue(board.err().contains("office 'board' does not sign policy cat-social-media"), board.err());
    PreceptTest.Run noMinute = run("record-approval", policy.toString(), "--as", "chair", "--meeting", "Board meeting",
        "--date", "2016-10-12", "--recorded-by", "A. Clerk");
    assertEquals(2, noMinute.code());
    assertTrue(noMinute.err().contains("--minute"), noMinute.err());
    assertFalse(Files.exists(dir.resolve("social-media-policy.approvals.yaml")), "nothing written on a mistake");
  }
}
