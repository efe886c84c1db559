package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalRound;
import dev.precept.approval.ApprovalRounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secretary opens an approval round from the command line and sends each signatory their own link. */
class RoundCommandTest {
  private static String[] open(Path dir, String... extra) {
    String[] base = {"round", "open", dir.toString(), "--policy", "cat-social-media", "--meeting", "Board meeting 12 October 2016, item 7",
        "--due", LocalDate.now().plusDays(14).toString(), "--name", "ceo=Jane Smith", "--name", "chair=Tom Evans",
        "--server", "https://board.example.org/"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void openingARoundFreezesTheDigestAndPrintsAPersonalLinkPerSignatory(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(PreceptTest.SEED), dir.resolve("social-media-policy.yaml"));
    PreceptTest.Run opened = run(open(dir));
    assertEquals(0, opened.code(), opened.err());
    ApprovalRound round = ApprovalRounds.read(dir.resolve("social-media-policy.round.yaml"));
    assertTrue(round.digest().startsWith("sha256:"));
    Matcher chair = Pattern.compile("Tom Evans \\(chair\\)\\s+https://board.example.org/board/" + round.id() + "/chair/(\\S+)").matcher(opened.out());
    assertTrue(chair.find(), opened.out());
    assertTrue(ApprovalRounds.invitation(round, "chair", chair.group(1), LocalDate.now()).isPresent());
    assertTrue(ApprovalRounds.invitation(round, "ceo", chair.group(1), LocalDate.now()).isEmpty(), "a link is for one person only");
    assertTrue(ApprovalRounds.invitation(round, "chair", chair.group(1), round.due().plusDays(1)).isEmpty(), "links expire after the due date");
    assertFalse(Files.readString(dir.resolve("social-media-policy.round.yaml")).contains(chair.group(1)), "the link is not stored");
    assertEquals(2, run(open(dir)).code(), "a second round needs --replace");
    assertEquals(0, run(open(dir, "--replace")).code());
  }

  @Test
  void aSignatoryWithoutANameOrAnUnknownPolicyIsRefused(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(PreceptTest.SEED), dir.resolve("social-media-policy.yaml"));
    PreceptTest.Run missing = run("round", "open", dir.toString(), "--policy", "cat-social-media", "--meeting", "m", "--due",
        LocalDate.now().toString(), "--name", "ceo=Jane Smith", "--server", "http://localhost");
    assertTrue(missing.code() != 0, missing.err());
    assertTrue(missing.err().contains("no name for signatory office 'chair'"), missing.err());
    PreceptTest.Run unknown = run("round", "open", dir.toString(), "--policy", "nope", "--meeting", "m", "--due",
        LocalDate.now().toString(), "--name", "ceo=Jane Smith", "--server", "http://localhost");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("no valid policy with id 'nope'"), unknown.err());
    assertFalse(Files.exists(dir.resolve("social-media-policy.round.yaml")));
  }

  @Test
  void aDueDateInThePastIsRefusedSayingWhatToWriteInstead(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(PreceptTest.SEED), dir.resolve("social-media-policy.yaml"));
    String[] args = open(dir);
    args[8] = "2017-10-12";
    PreceptTest.Run past = run(args);
    assertEquals(2, past.code(), past.err());
    assertTrue(past.err().contains("the due date 2017-10-12 is before today (" + LocalDate.now() + "): give today or a later date, such as --due "
        + LocalDate.now().plusDays(14) + ", or a number of days from today, such as --due +14"), past.err());
    args[8] = "next week";
    assertTrue(run(args).err().contains("--due 'next week' is neither a date (YYYY-MM-DD) nor a number of days from today (+14)"));
    assertFalse(Files.exists(dir.resolve("social-media-policy.round.yaml")));
  }

  @Test
  void aDueDateGivenAsDaysFromTodayIsThatManyDaysAheadSoTheHelpsExampleRunsAnyDay(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(PreceptTest.SEED), dir.resolve("social-media-policy.yaml"));
    String[] args = open(dir);
    args[8] = "+14";
    PreceptTest.Run opened = run(args);
    assertEquals(0, opened.code(), opened.err());
    assertEquals(LocalDate.now().plusDays(14), ApprovalRounds.read(dir.resolve("social-media-policy.round.yaml")).due());
    assertTrue(run("round", "open", "--help").out().contains("--due +14"), "the help's example uses days from today");
  }
}
