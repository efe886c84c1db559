package dev.precept.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.PolicyException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLibraryTest {
  private static final String ID = "cat-social-media";

  @TempDir Path folder;

  @Test
  void readsEveryEditionOfAPolicyWithItsDigestAndVerifiedApprovals() {
    PolicyLibrary library = PolicyLibrary.open(TrustFolder.approvedEditions(folder));
    assertEquals(List.of(), library.problems());
    LibraryPolicy policy = library.policy(ID).orElseThrow();
    assertEquals(List.of("2016.1", "2017.1"), policy.editions().stream().map(Edition::version).toList());
    Edition first = policy.editions().get(0);
    assertTrue(first.digest().matches("sha256:[0-9a-f]{64}"));
    assertTrue(first.approval().approved(), first.approval().reasons().toString());
    assertEquals(List.of("ceo", "chair"), first.approval().signatures().stream().map(Signature::office).toList());
    assertEquals("Bob Example", first.approval().signatures().get(1).name());
    assertEquals(TrustFolder.APPROVED_2016, first.effective());
    assertEquals(TrustFolder.EFFECTIVE_2017, policy.editions().get(1).effective());
    assertEquals("its effective date", policy.editions().get(1).effectiveFrom());
  }

  @Test
  void theEditionInForceIsTheLatestApprovedOneEffectiveOnOrBeforeTheDate() {
    PolicyLibrary library = PolicyLibrary.open(TrustFolder.approvedEditions(folder));
    InForce spring2017 = library.inForce(ID, LocalDate.of(2017, 3, 1));
    assertEquals("2016.1", spring2017.edition().orElseThrow().version());
    assertTrue(spring2017.reason().contains("2017.1 takes effect later, from 2017-11-01"), spring2017.reason());
    // approved in October 2017 but effective only from November: the old edition still rules in between
    assertEquals("2016.1", library.inForce(ID, LocalDate.of(2017, 10, 20)).edition().orElseThrow().version());
    InForce onTheDay = library.inForce(ID, TrustFolder.EFFECTIVE_2017);
    assertEquals("2017.1", onTheDay.edition().orElseThrow().version());
    assertTrue(onTheDay.reason().contains("in force from 2017-11-01 (its effective date)"), onTheDay.reason());
    assertTrue(onTheDay.reason().contains("it replaced 2016.1"), onTheDay.reason());
    assertTrue(onTheDay.reason().contains("approved by"), onTheDay.reason());
    assertFalse(onTheDay.draft());
  }

  @Test
  void aDateBeforeTheFirstEditionHasNoEditionAndSaysWhy() {
    InForce before = PolicyLibrary.open(TrustFolder.approvedEditions(folder)).inForce(ID, LocalDate.of(2016, 5, 1));
    assertTrue(before.edition().isEmpty());
    assertEquals("2016-05-01 is before the first approved edition of cat-social-media, 2016.1, in force from 2016-10-12 "
        + "(the date its approval was completed)", before.reason());
  }

  @Test
  void draftsAreNeverInForceUnlessAllowedAndThenSaySo() {
    TrustFolder.write(folder.resolve("social-media-policy.yaml"), TrustFolder.read(TrustFolder.EXAMPLE_2016));
    PolicyLibrary library = PolicyLibrary.open(folder);
    InForce refused = library.inForce(ID, LocalDate.of(2017, 1, 1));
    assertTrue(refused.edition().isEmpty());
    assertTrue(refused.reason().startsWith("no edition of cat-social-media is approved: 2016.1 (social-media-policy.yaml): "
        + "it has no approvals"), refused.reason());
    InForce allowed = library.inForce(ID, LocalDate.of(2017, 1, 1), Drafts.ALLOWED);
    assertEquals("2016.1", allowed.edition().orElseThrow().version());
    assertTrue(allowed.draft());
    assertTrue(allowed.reason().contains("a DRAFT, not approved"), allowed.reason());
  }

  @Test
  void anEditionReplacedByALaterApprovedOneIsSupersededAndNotCurrent() {
    LibraryPolicy policy = PolicyLibrary.open(TrustFolder.approvedEditions(folder)).policy(ID).orElseThrow();
    assertEquals("2017.1", policy.editions().get(0).supersededBy().orElseThrow());
    assertFalse(policy.editions().get(1).superseded());
    assertEquals("2017.1", policy.current().orElseThrow().version());
    assertEquals(LocalDate.of(2018, 10, 11), policy.current().orElseThrow().reviewDue().orElseThrow());
  }

  @Test
  void anEditionChangedAfterSigningIsNotApprovedAndSaysWhy() {
    TrustFolder.approvedEditions(folder);
    Path file = folder.resolve("social-media-policy-2017.yaml");
    TrustFolder.write(file, TrustFolder.read(file).replace("Social Media Policy", "Social Networking Policy"));
    PolicyLibrary library = PolicyLibrary.open(folder);
    Edition changed = library.policy(ID).orElseThrow().editions().stream().filter(e -> e.version().equals("2017.1")).findFirst().orElseThrow();
    assertFalse(changed.approval().approved());
    assertTrue(changed.approval().reasons().get(0).contains("approval is for an earlier edition"), changed.approval().reasons().toString());
    assertEquals("2016.1", library.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().version());
  }

  @Test
  void aFileThatIsNotAValidEditionIsALoadProblemWithLocationsAndTheRestStillOpens() {
    TrustFolder.approvedEditions(folder);
    TrustFolder.write(folder.resolve("broken.yaml"), "schemaVersion: 1\nid: broken\nmetadata: {}\n");
    TrustFolder.write(folder.resolve("incidents/an-incident.yaml"), "id: INC-1\nperson: {roles: [staff]}\n");
    PolicyLibrary library = PolicyLibrary.open(folder);
    assertEquals(1, library.problems().size(), library.problems().toString());
    LoadProblem problem = library.problems().get(0);
    assertEquals(folder.resolve("broken.yaml"), problem.file());
    assertTrue(problem.message().startsWith("not a valid edition"), problem.message());
    assertFalse(problem.problems().isEmpty());
    assertTrue(problem.problems().stream().allMatch(p -> p.line() > 0 && (p.pointer().isEmpty() || p.pointer().startsWith("/"))), problem.problems().toString());
    assertEquals(List.of(ID), library.policies().stream().map(LibraryPolicy::id).toList());
  }

  @Test
  void aBrokenApprovalsFileCountsForNothingAndIsReported() {
    TrustFolder.approvedEditions(folder);
    TrustFolder.write(folder.resolve("social-media-policy.approvals.yaml"), "records: [{policy: 3}]\n");
    PolicyLibrary library = PolicyLibrary.open(folder);
    assertFalse(library.policy(ID).orElseThrow().editions().get(0).approval().approved());
    assertTrue(library.problems().stream().anyMatch(p -> p.file().getFileName().toString().equals("social-media-policy.approvals.yaml")
        && p.message().startsWith("not a valid approvals file")), library.problems().toString());
  }

  @Test
  void policiesMayEachHaveTheirOwnFolder() {
    TrustFolder.approvedEditions(folder.resolve("social-media"));
    TrustFolder.write(folder.resolve("target/social-media-policy.yaml"), "schemaVersion: 1\nnot: a policy\n");
    PolicyLibrary library = PolicyLibrary.open(folder);
    assertEquals(List.of(), library.problems());
    assertEquals(2, library.policy(ID).orElseThrow().editions().size());
  }

  @Test
  void anUnknownPolicyIsAnsweredWithTheKnownOnes() {
    InForce unknown = PolicyLibrary.open(TrustFolder.approvedEditions(folder)).inForce("cat-safeguarding", LocalDate.of(2018, 1, 1));
    assertTrue(unknown.edition().isEmpty());
    assertEquals("there is no policy 'cat-safeguarding' in the library (its policies: cat-social-media)", unknown.reason());
  }

  @Test
  void aMissingFolderIsAnError() {
    PolicyException e = assertThrows(PolicyException.class, () -> PolicyLibrary.open(folder.resolve("nowhere")));
    assertTrue(e.getMessage().endsWith("nowhere: no such folder"));
  }

  @Test
  void reloadingKeepsTheEditionInForceWhenItsFileBecomesInvalid() {
    PolicyLibrary library = PolicyLibrary.open(TrustFolder.approvedEditions(folder));
    Path file = folder.resolve("social-media-policy-2017.yaml");
    String digest = library.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().digest();
    TrustFolder.write(file, "schemaVersion: 1\nid: cat-social-media\n  : broken [\n");
    PolicyLibrary reloaded = library.reload();
    assertEquals(digest, reloaded.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().digest());
    assertTrue(reloaded.problems().get(0).message().endsWith("the edition read before, 2017.1, is kept"), reloaded.problems().toString());
  }

  @Test
  void reloadingKeepsTheApprovedEditionWhenTheChangeIsNotApproved() {
    PolicyLibrary library = PolicyLibrary.open(TrustFolder.approvedEditions(folder));
    Path file = folder.resolve("social-media-policy-2017.yaml");
    String digest = library.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().digest();
    TrustFolder.write(file, TrustFolder.read(file).replace("Social Media Policy", "Social Networking Policy"));
    PolicyLibrary reloaded = library.reload();
    assertEquals(digest, reloaded.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().digest());
    assertTrue(reloaded.problems().get(0).message().startsWith("changed, but the change is not approved"), reloaded.problems().toString());
    // once the Board signs the change, the next reload puts it in force
    TrustFolder.sign(file, TrustFolder.APPROVED_2017);
    PolicyLibrary signed = reloaded.reload();
    assertEquals(List.of(), signed.problems());
    assertEquals("Social Networking Policy", signed.inForce(ID, LocalDate.of(2018, 1, 1)).edition().orElseThrow().policy().metadata().title());
  }
}
