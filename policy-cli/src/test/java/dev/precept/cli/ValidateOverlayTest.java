package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept validate} on an academy's overlay: checked against its master, as the register checks it. */
class ValidateOverlayTest {
  private static final Path LIBRARY = Path.of("../examples/connect-academy-trust-library");
  private static final String TRELISSICK = "academies/trelissick/social-media.overlay.yaml";

  private static Path copy(Path dir) throws IOException {
    Path copy = dir.resolve("trust");
    try (var walk = Files.walk(LIBRARY)) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(LIBRARY.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return copy;
  }

  @Test
  void aValidOverlayIsValidAsTheAcademysPolicyNotRefusedForLackingSchemaVersion() {
    PreceptTest.Run run = run("validate", LIBRARY.resolve(TRELISSICK).toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertFalse(run.out().contains("schemaVersion"), run.out());
    assertTrue(run.out().contains("valid: Trelissick Academy: Social Media Policy on master edition 2016.1 (sha256:"), run.out());
  }

  @Test
  void validateOnADateChecksAnOverlayAgainstTheMasterEditionInForceThatDay(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    Path later = trust.resolve("policies/social-media/social-media-policy-2017.yaml");
    dev.precept.library.TrustFolder.approved(later, Files.readString(later), LocalDate.of(2017, 10, 11),
        Optional.of(LocalDate.of(2017, 11, 1)));
    PreceptTest.Run before = run("validate", "--on", "2017-03-01", trust.resolve(TRELISSICK).toString());
    assertEquals(0, before.code(), before.out() + before.err());
    assertTrue(before.out().contains("valid: Trelissick Academy: Social Media Policy on master edition 2016.1"), before.out());
    PreceptTest.Run after = run("validate", "--on", "2017-12-01", trust.resolve(TRELISSICK).toString());
    assertEquals(0, after.code(), after.out() + after.err());
    assertTrue(after.out().contains("valid: Trelissick Academy: Social Media Policy on master edition 2017.1"), after.out());
    PreceptTest.Run folder = run("validate", "--on", "2017-03-01", trust.toString());
    assertTrue(folder.out().contains("valid: Boscawen Academy: Social Media Policy on master edition 2016.1"), folder.out());
  }

  @Test
  void anOverlayTailoringAClauseTheMasterDoesNotHaveIsInvalidWithItsLocationAndASuggestion(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    Path overlay = trust.resolve(TRELISSICK);
    Files.writeString(overlay, Files.readString(overlay).replace("- replace: conduct.report-concerns", "- replace: conduct.report-concern"));
    PreceptTest.Run run = run("validate", overlay.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("social-media.overlay.yaml:16:5: error: master edition 2016.1 has no clause 'conduct.report-concern'"
        + " (at /tailoring/0/replace)"), run.out());
    assertTrue(run.out().contains("hint: did you mean 'conduct.report-concerns'?"), run.out());
    assertTrue(run.out().endsWith("1 problem in 1 of 1 file\n"), run.out());
  }

  @Test
  void validatingTheLibraryFolderChecksItsOverlaysSoABrokenOneFailsTheRun(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    Path overlay = trust.resolve(TRELISSICK);
    Files.writeString(overlay, Files.readString(overlay).replace("    reason: Parents", "    reasn: Parents"));
    PreceptTest.Run run = run("validate", trust.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("error: unknown key 'reasn' (at /tailoring/0/reasn)"), run.out());
    assertTrue(run.out().contains("penhallow/social-media.overlay.yaml: valid: Penhallow Academy: Social Media Policy"), run.out());
    assertTrue(run.out().endsWith("1 problem in 1 of 5 files\n"), run.out());
  }

  @Test
  void anOverlayOutsideATrustLibraryIsToldWhereItMustLive(@TempDir Path dir) throws IOException {
    Path lone = dir.resolve("social-media.overlay.yaml");
    Files.copy(LIBRARY.resolve(TRELISSICK), lone);
    PreceptTest.Run run = run("validate", lone.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("an overlay is checked against its master: keep it in the trust's library folder as"
        + " academies/<academy>/social-media.overlay.yaml"), run.out());
  }

  @Test
  void fmtOnTheLibraryFolderLeavesTheOverlaysAloneAndFormatsOnlyPolicies(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    String before = Files.readString(trust.resolve(TRELISSICK));
    PreceptTest.Run run = run("fmt", trust.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertFalse(run.err().contains("schemaVersion"), run.err());
    assertEquals(before, Files.readString(trust.resolve(TRELISSICK)));
  }

  @Test
  void fmtOnAnOverlayNamedOnTheCommandLineLeavesItAsWrittenAndSaysWhy(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    Path overlay = trust.resolve(TRELISSICK);
    String before = Files.readString(overlay);
    PreceptTest.Run run = run("fmt", "--check", overlay.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("left as written: an academy's overlay (fmt formats policy files)"), run.out());
    assertFalse(run.err().contains("schemaVersion"), run.err());
    assertEquals(before, Files.readString(overlay));
  }

  @Test
  void validatingTheLibraryFolderReportsTwoEditionsWithOneVersionAtTheVersionLineOfTheLaterFile(@TempDir Path dir) throws IOException {
    Path trust = copy(dir);
    Path masters = trust.resolve("policies/social-media");
    Files.copy(masters.resolve("social-media-policy-2017.yaml"), masters.resolve("social-media-policy-2018.yaml"));
    int line = Files.readAllLines(masters.resolve("social-media-policy-2018.yaml")).indexOf("  version: \"2017.1\"") + 1;
    assertTrue(line > 0);
    PreceptTest.Run run = run("validate", trust.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("social-media-policy-2018.yaml:" + line + ":3: error: version 2017.1 of cat-social-media is also in"),
        run.out());
    assertTrue(run.out().contains("give each edition its own version (at /metadata/version)"), run.out());
    assertFalse(run.out().contains("(at /)"), run.out());
  }
}
