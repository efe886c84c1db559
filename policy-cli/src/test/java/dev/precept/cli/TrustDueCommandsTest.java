package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.library.RegisterPage;
import dev.precept.library.TrustFolder;
import dev.precept.library.TrustLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code precept due} and {@code precept library} on a trust's library: each academy's document with
 * its master, the statutory review cycle, superseded editions never due, and the CI gate.
 */
class TrustDueCommandsTest {
  private static final String LIBRARY = "../examples/connect-academy-trust-library";

  @TempDir Path dir;

  private Path copyOfExample() throws IOException {
    Path copy = dir.resolve("trust");
    try (Stream<Path> walk = Files.walk(Path.of(LIBRARY))) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(Path.of(LIBRARY).relativize(p).toString());
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
  void dueListsEachAcademysDocumentWithTheMasterItIsMadeFrom() {
    PreceptTest.Run run = run("due", LIBRARY, "--today", "2017-03-01");
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().contains("not yet due        " + LIBRARY + "/academies/boscawen/social-media.overlay.yaml (Social Media Policy,"
        + " Boscawen Academy on master version 2016.1), review due 2017-10-20\n"), run.out());
    assertTrue(run.out().contains(LIBRARY + "/academies/trelissick/social-media.overlay.yaml (Social Media Policy, Trelissick Academy"),
        run.out());
    assertTrue(run.out().endsWith("none overdue\n"), run.out());
  }

  @Test
  void dueCountsEveryAcademyOverdueWithItsMaster() {
    PreceptTest.Run run = run("due", LIBRARY, "--today", "2017-12-01");
    assertEquals(1, run.code(), run.out());
    assertTrue(run.out().contains("OVERDUE            " + LIBRARY + "/academies/penhallow/social-media.overlay.yaml"), run.out());
    assertTrue(run.out().endsWith("5 overdue\n"), "the master, its three academies and the 2017 draft past its approval date: " + run.out());
  }

  @Test
  void dueAndLibraryFailWhenAnOverlayNoLongerApplies() throws IOException {
    Path trust = copyOfExample();
    Path file = trust.resolve("academies/boscawen/social-media.overlay.yaml");
    Files.writeString(file, Files.readString(file).replace("edition: \"2016.1\"", "edition: \"2015.1\""));
    PreceptTest.Run due = run("due", trust.toString(), "--today", "2017-03-01");
    assertEquals(1, due.code(), due.out());
    assertTrue(due.out().contains("ATTENTION          " + file + " (Social Media Policy, Boscawen Academy), review due 2017-10-20:"
        + " " + file + ":9:3: error: master policy 'cat-social-media' has no edition '2015.1'"), due.out());
    assertTrue(due.out().endsWith("none overdue; 1 overlay needs attention\n"), due.out());
    PreceptTest.Run library = run("library", trust.toString(), "--on", "2017-03-01");
    assertEquals(1, library.code(), library.out());
    assertTrue(library.out().contains("Boscawen Academy       ATTENTION          the overlay no longer applies"), library.out());
  }

  /** The seed's 2016 edition, approved and then marked superseded, beside its 2017 draft (approval due 2017-10-31). */
  private Path supersededBesideADraft() {
    Path root = dir.resolve("superseded");
    Path old = root.resolve("policies/social-media/social-media-policy.yaml");
    TrustFolder.approved(old, TrustFolder.read(TrustFolder.EXAMPLE_2016), TrustFolder.APPROVED_2016, Optional.empty());
    TrustFolder.write(old, TrustFolder.read(old).replace("status: approved", "status: superseded"));
    TrustFolder.sign(old, TrustFolder.APPROVED_2016);
    TrustFolder.write(root.resolve("policies/social-media/social-media-policy-2017.yaml"), TrustFolder.read(TrustFolder.EXAMPLE_2017));
    return root;
  }

  @Test
  void aSuperseded2016EditionBesideThe2017DraftIsNotOverdue() {
    Path library = supersededBesideADraft();
    PreceptTest.Run due = run("due", library.toString(), "--today", "2017-10-25");
    assertEquals(0, due.code(), due.out());
    assertTrue(due.out().contains("superseded         " + library.resolve("policies/social-media/social-media-policy.yaml")), due.out());
    assertTrue(due.out().contains("awaiting approval  " + library.resolve("policies/social-media/social-media-policy-2017.yaml")), due.out());
    assertFalse(due.out().contains("OVERDUE"), due.out());
    PreceptTest.Run register = run("library", library.toString(), "--on", "2017-10-25");
    assertEquals(0, register.code(), register.out());
    assertTrue(register.out().contains("Trust master           AWAITING-APPROVAL  edition 2016.1: approved, in force, marked superseded;"
        + " draft 2017.1 awaiting approval (due by 2017-10-31)"), register.out());
  }

  /** The library's 2016 master with a two-yearly cycle of its own and the yearly one the law sets, signed for the test. */
  private Path statutoryLibrary() throws IOException {
    Path root = dir.resolve("statutory");
    Path master = root.resolve("policies/social-media/social-media-policy.yaml");
    TrustFolder.write(master, Files.readString(Path.of(LIBRARY, "policies/social-media/social-media-policy.yaml"))
        .replace("  reviewFrequency: P1Y\n", "  reviewFrequency: P2Y\n  statutoryReview:\n    every: P1Y\n"
            + "    source: Keeping Children Safe in Education 2016\n"));
    TrustFolder.sign(master, LocalDate.of(2016, 10, 20));
    TrustFolder.write(root.resolve("academies/penhallow/social-media.overlay.yaml"),
        Files.readString(Path.of(LIBRARY, "academies/penhallow/social-media.overlay.yaml")));
    return root;
  }

  @Test
  void dueCountsAReviewOverdueByTheStatutoryCycleAndSaysSo() throws IOException {
    Path library = statutoryLibrary();
    PreceptTest.Run early = run("due", library.toString(), "--today", "2017-03-01");
    assertEquals(0, early.code(), early.out());
    assertTrue(early.out().contains("review due 2017-10-20 (approved 2016-10-20; statutory: every 1 year,"
        + " Keeping Children Safe in Education 2016)"), early.out());
    PreceptTest.Run late = run("due", library.toString(), "--today", "2017-11-01", "--format", "json");
    assertEquals(1, late.code(), late.out());
    assertTrue(late.out().replace(" ", "").contains("\"dueByStatute\":true"), late.out());
    assertTrue(late.out().replace(" ", "").contains("\"overdue\":2"), "the master and Penhallow's document: " + late.out());
    PreceptTest.Run register = run("library", library.toString(), "--on", "2017-11-01");
    assertEquals(1, register.code(), register.out());
    assertTrue(register.out().contains("next review 2017-10-20 (statutory: every 1 year, Keeping Children Safe in Education 2016;"
        + " the policy's own: reviewed every 2 years) OVERDUE"), register.out());
  }

  @Test
  void theLibrarysHtmlIsTheRegisterPageTheServerShows() throws IOException {
    Path page = dir.resolve("register.html");
    PreceptTest.Run run = run("library", LIBRARY, "--on", "2017-03-01", "--format", "html", "--out", page.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(RegisterPage.html(TrustLibrary.open(Path.of(LIBRARY)).register(LocalDate.of(2017, 3, 1), Period.ofDays(60))),
        Files.readString(page));
    PreceptTest.Run overdue = run("library", LIBRARY, "--on", "2017-12-01", "--format", "html");
    assertEquals(1, overdue.code());
    assertTrue(overdue.out().contains("<strong>action needed</strong>"), overdue.out());
  }
}
