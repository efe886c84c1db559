package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept due} in a clerk's words: an approval past its date is overdue; periods read as days, not P60D. */
class DueWordsTest {
  private static Path draftDueForApproval(Path dir) throws Exception {
    Path policy = dir.resolve("social-media-policy.yaml");
    Files.writeString(policy, Files.readString(Path.of(PreceptTest.SEED)));
    return policy;
  }

  @Test
  void aDraftPastItsApprovalDueDateIsOverdue(@TempDir Path dir) throws Exception {
    draftDueForApproval(dir);
    PreceptTest.Run late = run("due", dir.toString(), "--today", "2017-03-01");
    assertEquals(1, late.code(), late.out());
    assertTrue(late.out().contains("APPROVAL OVERDUE"), late.out());
    assertTrue(late.out().contains("approval due 2016-10-"), late.out());
    assertTrue(late.out().endsWith("1 overdue\n"), late.out());
  }

  @Test
  void aDraftBeforeItsApprovalDueDateIsAwaitingApproval(@TempDir Path dir) throws Exception {
    draftDueForApproval(dir);
    PreceptTest.Run early = run("due", dir.toString(), "--today", "2016-09-15");
    assertEquals(0, early.code(), early.out());
    assertTrue(early.out().contains("awaiting approval"), early.out());
  }

  @Test
  void periodsReadAsDaysNotIsoCodes(@TempDir Path dir) throws Exception {
    draftDueForApproval(dir);
    PreceptTest.Run run = run("due", dir.toString(), "--today", "2016-09-15");
    assertTrue(run.out().contains("(due within 60 days)"), run.out());
    assertFalse(run.out().contains("P60D"), run.out());
    assertTrue(run("due", dir.toString(), "--today", "2016-09-15", "--within", "1y").out().contains("(due within 1 year)"));
  }
}
