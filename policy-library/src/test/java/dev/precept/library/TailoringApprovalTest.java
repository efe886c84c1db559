package dev.precept.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.Keyring;
import dev.precept.approval.SigningKeys;
import dev.precept.model.Overlay;
import dev.precept.model.OverlayLoader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Local Governing Body's approval of its academy's tailoring, verified by the same check as the
 * Board's approval of an edition: a new master edition voids nothing it did not change underneath.
 */
class TailoringApprovalTest {
  private static final Path LIBRARY = Path.of("../examples/connect-academy-trust-library");
  private static final Path MASTER_FILE = LIBRARY.resolve("policies/social-media/social-media-policy.yaml");
  private static final Policy MASTER = PolicyLoader.standard().load(MASTER_FILE);
  private static final Policy MASTER_2017 = PolicyLoader.standard().load(LIBRARY.resolve("policies/social-media/social-media-policy-2017.yaml"));
  private static final Path TRELISSICK = LIBRARY.resolve("academies/trelissick");
  private static final Overlay OVERLAY = OverlayLoader.standard().load(TRELISSICK.resolve("social-media.overlay.yaml"));
  private static final List<ApprovalRecord> RECORDS = Approvals.readRecords(
      PolicyLoader.readFile(TRELISSICK.resolve("social-media.approvals.yaml"), ReadLimits.STANDARD), "social-media.approvals.yaml");
  private static final Keyring KEYRING = Approvals.readKeyring(
      PolicyLoader.readFile(TRELISSICK.resolve("social-media.keyring.yaml"), ReadLimits.STANDARD), "social-media.keyring.yaml");

  /** The 2016 master as a 2018 edition that changes one clause Trelissick does not tailor. */
  private static Policy masterChangingAnUntailoredClause() {
    String text = TrustFolder.read(MASTER_FILE).replace("version: \"2016.1\"", "version: \"2018.1\"")
        .replace("This policy relates to the use of social networking outside working hours.",
            "This policy relates to the use of social networking at any time, in or outside working hours.");
    return PolicyLoader.standard().parse(text, "social-media-policy-2018.yaml");
  }

  @Test
  void theLocalGoverningBodysSignedApprovalOfTheTailoringVerifies() {
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, MASTER, RECORDS, KEYRING);
    assertTrue(status.approved(), status.reasons().toString());
    assertEquals(Optional.of(LocalDate.of(2016, 11, 8)), status.approvedOn());
    assertEquals(OVERLAY.tailoringDigest(MASTER).toString(), status.digest());
    assertEquals("Chair of the Local Governing Body of Trelissick Academy", status.signatories().get(0).title());
  }

  @Test
  void aNewMasterEditionThatLeavesTheTailoredClausesAloneVoidsNothingLocal() {
    Policy next = masterChangingAnUntailoredClause();
    assertTrue(OVERLAY.changedUnderneath(MASTER, next).isEmpty());
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, next, RECORDS, KEYRING);
    assertTrue(status.approved(), status.reasons().toString());
  }

  @Test
  void aNewMasterEditionThatChangesATailoredClauseNeedsTheLocalGoverningBodyAgain() {
    assertFalse(OVERLAY.changedUnderneath(MASTER, MASTER_2017).isEmpty());
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, MASTER_2017, RECORDS, KEYRING);
    assertFalse(status.approved());
    assertEquals(1, status.reasons().size(), status.reasons().toString());
    assertTrue(status.reasons().get(0).startsWith("Chair of the Local Governing Body of Trelissick Academy's approval is for another"
        + " tailoring sha256:"), status.reasons().get(0));
    assertTrue(status.reasons().get(0).endsWith("the overlay, or a master clause it tailors, has changed since"), status.reasons().get(0));
  }

  @Test
  void aRecordChangedAfterSigningCountsForNothing() {
    ApprovalRecord forged = dev.precept.approval.ApprovalRecord.builder().from(RECORDS.get(0)).name("Someone Else").build();
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, MASTER, List.of(forged), KEYRING);
    assertFalse(status.approved());
    assertTrue(status.reasons().get(0).contains("its signature does not verify"), status.reasons().toString());
  }

  @Test
  void theBoardsOfficesDoNotSignAnAcademysTailoring() {
    KeyPair chair = SigningKeys.generate();
    Keyring keyring = Keyring.builder().addKeys(TrustedKey.builder().office("chair").name("Tom Evans")
        .publicKey(SigningKeys.publicPem(chair.getPublic())).build()).build();
    PolicyException refused = assertThrows(PolicyException.class, () -> TailoringApproval.sign(OVERLAY, MASTER, chair.getPrivate(),
        "chair", keyring, Decision.APPROVED, LocalDate.of(2016, 11, 8), Optional.empty()));
    assertTrue(refused.getMessage().contains("office 'chair' does not sign academies' tailoring"), refused.getMessage());
    ApprovalRecord record = Approvals.signDigest(MASTER.id(), OVERLAY.tailoringDigest(MASTER).toString(), chair.getPrivate(), "chair",
        keyring, Decision.APPROVED, LocalDate.of(2016, 11, 8), Optional.empty(), "add the key first");
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, MASTER, List.of(record), keyring);
    assertFalse(status.approved());
    assertEquals(List.of("office 'chair' is not a signatory of this academy's tailoring"), status.records().get(0).problems());
    assertEquals(List.of("Chair of the Local Governing Body of Trelissick Academy has not approved this tailoring"), status.reasons());
  }

  @Test
  void aMasterThatNamesNoLocalApprovalCannotBeApprovedLocally() {
    String text = TrustFolder.read(MASTER_FILE);
    int start = text.indexOf("  localApproval:");
    int end = text.indexOf("      - office: lgb-chair\n", start) + "      - office: lgb-chair\n".length();
    Policy withoutLocal = PolicyLoader.standard().parse(text.substring(0, start) + text.substring(end), "master.yaml");
    ApprovalStatus status = TailoringApproval.verify(OVERLAY, withoutLocal, RECORDS, KEYRING);
    assertFalse(status.approved());
    assertEquals(List.of("master cat-social-media 2016.1 names no local approval (variation.localApproval)"), status.reasons());
  }
}
