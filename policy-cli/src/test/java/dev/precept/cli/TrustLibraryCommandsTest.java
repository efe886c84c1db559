package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk's commands on a trust's library: the register, academies' documents, verification, and a new master edition. */
class TrustLibraryCommandsTest {
  private static final String LIBRARY = "../examples/connect-academy-trust-library";
  private static final String MASTERS = LIBRARY + "/policies/social-media/";

  @Test
  void libraryPrintsTheRegisterAndPassesWhenNothingIsOverdue() {
    PreceptTest.Run run = run("library", LIBRARY, "--on", "2017-03-01");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Trelissick Academy     IN-FORCE           edition 2016.1: master in force; tailoring approved locally"), run.out());
    assertTrue(run.out().contains("deviation: 3 variables set, 2 clauses tailored"), run.out());
    assertTrue(run.out().endsWith("nothing overdue; every overlay applies\n"), run.out());
  }

  @Test
  void libraryExitsOneWhenAReviewIsOverdue() {
    PreceptTest.Run run = run("library", LIBRARY, "--on", "2017-12-01", "--format", "json");
    assertEquals(1, run.code());
    assertTrue(run.out().contains("\"needsAction\" : true") || run.out().contains("\"needsAction\":true"), run.out());
    assertTrue(run.out().contains("\"state\" : \"overdue\"") || run.out().contains("\"state\":\"overdue\""), run.out());
  }

  @Test
  void libraryWritesTheHtmlRegisterPage(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("register.html");
    PreceptTest.Run run = run("library", LIBRARY, "--on", "2017-03-01", "--format", "html", "--out", page.toString());
    assertEquals(0, run.code(), run.err());
    String html = Files.readString(page);
    assertTrue(html.contains("<table class=\"grid\">"));
    assertTrue(html.contains("<th scope=\"col\">Boscawen Academy</th>"));
  }

  @Test
  void libraryOnAFolderThatIsNotThereIsAUsageError() {
    assertEquals(2, run("library", LIBRARY + "/no-such-folder").code());
  }

  @Test
  void renderWithAcademyAllWritesOneFolderPerAcademyWithLocalClausesMarked(@TempDir Path dir) throws Exception {
    PreceptTest.Run run = run("render", LIBRARY, "--academy", "all", "--on", "2017-03-01", "--format", "html", "--out", dir.toString());
    assertEquals(0, run.code(), run.err());
    String trelissick = Files.readString(dir.resolve("trelissick/social-media.html"));
    assertTrue(trelissick.contains("<h2>Local variations</h2>"));
    assertTrue(trelissick.contains("Morwenna Hicks"), "the Local Governing Body's signature is on the document");
    String boscawen = Files.readString(dir.resolve("boscawen/social-media.html"));
    assertFalse(boscawen.contains("Local variations"));
    assertTrue(boscawen.contains("Boscawen Academy"));
    PreceptTest.Run plain = run("render", LIBRARY, "--academy", "Trelissick Academy", "--on", "2017-03-01", "--no-local-notes",
        "--format", "html", "--out", dir.resolve("plain").toString());
    assertEquals(0, plain.code(), plain.err());
    assertFalse(Files.readString(dir.resolve("plain/social-media.html")).contains("Local variations"));
  }

  @Test
  void renderOfAnUnknownAcademyNamesTheAcademiesThereAre(@TempDir Path dir) {
    PreceptTest.Run run = run("render", LIBRARY, "--academy", "Truro", "--out", dir.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("its academies: Boscawen Academy, Penhallow Academy, Trelissick Academy"), run.err());
  }

  @Test
  void packWithAcademyWritesTheAcademysReviewPack(@TempDir Path dir) {
    PreceptTest.Run run = run("pack", LIBRARY, "--academy", "trelissick", "--on", "2017-03-01", "--out", dir.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(Files.isRegularFile(dir.resolve("index.html")));
  }

  @Test
  void verifyWithAcademyChecksTheBoardsAndTheLocalGoverningBodysApproval() {
    PreceptTest.Run run = run("verify", LIBRARY, "--academy", "trelissick", "--on", "2017-03-01");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("the Board: approved the master sha256:"), run.out());
    assertTrue(run.out().contains("the Local Governing Body: approved the tailoring sha256:"), run.out());
  }

  @Test
  void verifyWithAcademyFailsWhenTheLocalApprovalWasTamperedWith(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("trust");
    try (var walk = Files.walk(Path.of(LIBRARY))) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(Path.of(LIBRARY).relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path approvals = copy.resolve("academies/trelissick/social-media.approvals.yaml");
    Files.writeString(approvals, Files.readString(approvals).replace("Morwenna Hicks", "Someone Else"));
    PreceptTest.Run run = run("verify", copy.toString(), "--academy", "trelissick", "--on", "2017-03-01");
    assertEquals(1, run.code(), run.out());
    assertTrue(run.out().contains("NOT APPROVED"), run.out());
  }

  @Test
  void aChangedTailoringNeedsTheLocalGoverningBodyToSignAgain(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("trust");
    try (var walk = Files.walk(Path.of(LIBRARY))) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(Path.of(LIBRARY).relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path overlay = copy.resolve("academies/trelissick/social-media.overlay.yaml");
    Files.writeString(overlay, Files.readString(overlay).replace("in person or through the", "in person, by telephone or through the"));
    assertEquals(1, run("verify", copy.toString(), "--academy", "trelissick", "--on", "2017-03-01").code());
    assertEquals(0, run("keygen", "--out", dir.resolve("keys").toString(), "--name", "Morwenna Hicks").code());
    String publicKey = Files.readString(dir.resolve("keys/morwenna-hicks.pub.pem")).strip().replace("\n", "\n      ");
    Files.writeString(copy.resolve("academies/trelissick/social-media.keyring.yaml"),
        "keys:\n  - office: lgb-chair\n    name: Morwenna Hicks\n    publicKey: |\n      " + publicKey + "\n");
    PreceptTest.Run signed = run("sign", copy.toString(), "--academy", "trelissick", "--on", "2017-03-01",
        "--key", dir.resolve("keys/morwenna-hicks.key.pem").toString(), "--as", "lgb-chair", "--date", "2017-01-10", "--minute", "LGB 2017/3");
    assertEquals(0, signed.code(), signed.err());
    assertTrue(signed.out().contains("on Trelissick Academy's tailoring of cat-social-media 2016.1"), signed.out());
    PreceptTest.Run verified = run("verify", copy.toString(), "--academy", "trelissick", "--on", "2017-03-01");
    assertEquals(0, verified.code(), verified.out());
    assertEquals(1, run("sign", copy.toString(), "--academy", "trelissick", "--key", dir.resolve("keys/morwenna-hicks.key.pem").toString(),
        "--as", "chair").code(), "the Board's chair does not sign an academy's tailoring");
  }

  @Test
  void diffOfTwoMasterEditionsListsPerAcademyWhatChangesAndWhichOverlaysNeedAttention() {
    PreceptTest.Run run = run("diff", MASTERS + "social-media-policy.yaml", MASTERS + "social-media-policy-2017.yaml", "--library", LIBRARY);
    assertEquals(0, run.code(), run.err());
    String academies = run.out().substring(run.out().indexOf("\nAcademies:\n"));
    assertTrue(academies.contains("Penhallow Academy: its document changes in 6 clauses"), academies);
    assertTrue(academies.contains("Penhallow Academy: its document changes in 6 clauses: principles.conduct"), academies);
    assertTrue(academies.contains("; its overlay applies as approved\n  Trelissick"), academies);
    assertTrue(academies.contains("Trelissick Academy: its document changes in 5 clauses"), academies);
    assertTrue(academies.contains("its overlay NEEDS ATTENTION:"), academies);
    assertTrue(academies.contains("social-media.overlay.yaml:16:5: error: clause 'conduct.report-concerns' changed in master edition 2017.1"), academies);
  }

  @Test
  void schemaForOverlayPrintsTheOverlaySchema() {
    PreceptTest.Run run = run("schema", "--for", "overlay");
    assertEquals(0, run.code());
    assertTrue(run.out().contains("\"$id\": \"https://precept.dev/schema/policy/1/overlay.schema.json\""));
  }
}
