package dev.precept.review;

import dev.precept.testkit.SeedPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseSuite;
import dev.precept.eval.PolicyCase;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What changed between the 2016 and 2017 editions, as the Board will read it. */
class PolicyDiffTest {
  static final Path NEW_FILE = Path.of("../examples/connect-academy-trust/social-media-policy-2017.yaml");
  static final Policy OLD = SeedPolicy.policy();
  static final Policy NEW = PolicyLoader.standard().load(NEW_FILE);

  private static Change change(ChangeSummary summary, String area, String subject, Change.Kind kind) {
    return summary.changes().stream().filter(c -> c.area().equals(area) && c.subject().equals(subject) && c.kind() == kind)
        .findFirst().orElseThrow(() -> new AssertionError(area + " " + subject + " " + kind + " not in " + summary.changes()));
  }

  private static String redline(Change change) {
    return change.redline().stream().map(s -> switch (s.kind()) {
      case SAME -> s.text();
      case DELETED -> "[-" + s.text() + "-]";
      case INSERTED -> "{+" + s.text() + "+}";
    }).collect(Collectors.joining());
  }

  @Test
  void aRewordedClauseGetsAWordLevelRedlineAndIsSubstantive() {
    Change change = change(PolicyDiff.between(OLD, NEW), "clause", "principles.no-contact-with-children", Change.Kind.REWORDED);
    assertTrue(change.substantive());
    assertTrue(redline(change).endsWith("via social networking sites{+ or private messaging applications+}."), redline(change));
  }

  @Test
  void punctuationOnlyIsEditorial() {
    Change change = change(PolicyDiff.between(OLD, NEW), "clause", "principles.conduct", Change.Kind.REWORDED);
    assertFalse(change.substantive());
    assertTrue(redline(change).contains("Parents{+,+} Governors, Volunteers{+,+} external"), redline(change));
  }

  @Test
  void aReplacedPhraseReadsAsOneDeletionAndOneInsertion() {
    Change change = change(PolicyDiff.between(OLD, NEW), "office", "computing-lead", Change.Kind.REWORDED);
    assertEquals("[-Computing -]{+Online Safety +}Lead", redline(change));
  }

  @Test
  void findsAddedMovedAndChangedThingsAndTheMetadata() {
    ChangeSummary summary = PolicyDiff.between(OLD, NEW);
    assertTrue(change(summary, "clause", "conduct.accounts-in-trust-name", Change.Kind.ADDED).substantive());
    assertFalse(change(summary, "clause", "conduct.identity-fraud", Change.Kind.MOVED).substantive());
    assertEquals("written", change(summary, "exception", "principles.working-hours-access.ceo-approval", Change.Kind.CHANGED).after().orElseThrow());
    assertTrue(change(summary, "consequence", "safeguarding.referral", Change.Kind.ADDED).substantive());
    assertEquals("2017.1", change(summary, "metadata", "version", Change.Kind.CHANGED).after().orElseThrow());
    assertFalse(change(summary, "metadata", "revisions", Change.Kind.ADDED).substantive());
  }

  @Test
  void anOutOfDateApprovalIsToldHowManyClausesChangedSince() {
    Policy edited = SeedPolicy.withClauseText(OLD, OLD.allClauses().get(3).id(), "Changed wording.");
    assertEquals("1 clause changed since (version 2016.1 to 2016.1, 1 substantive changes in all)",
        PolicyDiff.describeSince(OLD, edited));
    assertTrue(PolicyDiff.describeSince(OLD, NEW).startsWith("5 clauses changed since (version 2016.1 to 2017.1, "),
        PolicyDiff.describeSince(OLD, NEW));
  }

  @Test
  void anEditionComparedWithItselfHasNoChanges() {
    ChangeSummary summary = PolicyDiff.between(NEW, NEW);
    assertEquals(List.of(), summary.changes());
    assertEquals(summary.oldDigest(), summary.newDigest());
  }

  @Test
  void listsTheRulingsThatChangeAndOnlyThose() {
    List<PolicyCase> cases = new ArrayList<>(CaseSuite.load(CaseSuite.besidePolicy(NEW_FILE), NEW).cases());
    cases.addAll(CaseSuite.load(CaseSuite.besidePolicy(SeedPolicy.FILE), OLD).cases());
    ChangeSummary summary = PolicyDiff.between(OLD, NEW, cases);
    assertEquals(List.of("case-07", "case-09", "case-20", "case-21", "case-22", "case-23", "case-24"),
        summary.rulingChanges().stream().map(RulingChange::incident).toList());
    RulingChange verbal = summary.rulingChanges().get(0);
    assertTrue(verbal.before().contains("principles.working-hours-access: undetermined"), verbal.before().toString());
    assertTrue(verbal.after().contains("principles.working-hours-access: breached"), verbal.after().toString());
    String text = PolicyDiff.toText(summary);
    assertTrue(text.contains("Rulings that change (7):"), text);
    assertTrue(text.contains("  + must: The breach must be reported to the Safeguarding Team."), text);
  }
}
