package dev.precept.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.testkit.SeedPolicy;
import dev.precept.model.Metadata.Dates;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Revision;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Status;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Approvals prove what was approved: any change of substance voids them, reformatting does not. */
class ApprovalsTest {
  static final Policy POLICY = SeedPolicy.policy();
  static final KeyPair CEO = SigningKeys.generate();
  static final KeyPair CHAIR = SigningKeys.generate();
  static final Keyring KEYRING = Keyring.builder()
      .addKeys(Keyring.TrustedKey.builder().office("ceo").name("Jane Smith").publicKey(SigningKeys.publicPem(CEO.getPublic())).build())
      .addKeys(Keyring.TrustedKey.builder().office("chair").name("Tom Evans").publicKey(SigningKeys.publicPem(CHAIR.getPublic())).build())
      .build();
  static final LocalDate MEETING = LocalDate.of(2016, 10, 12);

  static List<ApprovalRecord> bothApprove(Policy policy) {
    return List.of(
        Approvals.sign(policy, CEO.getPrivate(), "ceo", KEYRING, Decision.APPROVED, MEETING, Optional.of("Board minute 2016/41")),
        Approvals.sign(policy, CHAIR.getPrivate(), "chair", KEYRING, Decision.APPROVED, MEETING, Optional.of("Board minute 2016/41")));
  }

  @Test
  void keygenSignVerifyRoundTripApprovesAndNamesEachSignatory() {
    ApprovalStatus status = ApprovalCheck.verify(POLICY, bothApprove(POLICY), KEYRING);
    assertTrue(status.approved(), status.reasons().toString());
    assertEquals(Optional.of(MEETING), status.approvedOn());
    ApprovalStatus.SignatoryApproval chair = status.signatories().get(1);
    assertEquals("chair", chair.office());
    assertEquals("Tom Evans", chair.record().orElseThrow().name());
    assertTrue(chair.approves());
  }

  @Test
  void changingAnyOneClauseVoidsEveryApprovalAndSaysHowMuchChanged() {
    List<ApprovalRecord> records = bothApprove(POLICY);
    Random random = new Random(3);
    for (Clause clause : POLICY.allClauses()) {
      Policy edited = SeedPolicy.withClauseText(POLICY, clause.id(), clause.text() + (random.nextBoolean() ? " " : "") + "x");
      ApprovalStatus status = ApprovalCheck.verify(edited, records, KEYRING, List.of(POLICY), ApprovalCheck::versions);
      assertFalse(status.approved(), "editing " + clause.id() + " kept the approval");
      assertTrue(status.reasons().get(0).startsWith("Chief Executive Officer's approval is for an earlier edition sha256:"), status.reasons().toString());
      assertTrue(status.reasons().get(0).endsWith("; version 2016.1 to 2016.1"), status.reasons().toString());
    }
  }

  @Test
  void reformattingTheYamlKeepsEveryApproval() {
    List<ApprovalRecord> records = bothApprove(POLICY);
    String rewritten = PolicyYaml.write(POLICY); // different layout, quoting and key order from the hand-written file
    Policy reloaded = PolicyLoader.standard().parse(rewritten, "rewritten.yaml");
    assertTrue(ApprovalCheck.verify(reloaded, records, KEYRING).approved());
  }

  @Test
  void recordingTheApprovalAndAReviewWithNoChangeKeepsTheDigest() {
    List<ApprovalRecord> records = new ArrayList<>(bothApprove(POLICY));
    Policy marked = Policy.builder().from(POLICY).metadata(Metadata.builder().from(POLICY.metadata())
        .status(Status.APPROVED)
        .dates(Dates.builder().from(POLICY.metadata().dates()).approved(MEETING).build())
        .revisions(java.util.List.of(Revision.builder().version("2016.1").date(LocalDate.of(2017, 10, 11))
            .summary("Reviewed by the Board: no change.").build())).build()).build();
    LocalDate review = LocalDate.of(2017, 10, 11);
    records.add(Approvals.sign(marked, CEO.getPrivate(), "ceo", KEYRING, Decision.REVIEWED_NO_CHANGE, review, Optional.empty()));
    records.add(Approvals.sign(marked, CHAIR.getPrivate(), "chair", KEYRING, Decision.REVIEWED_NO_CHANGE, review, Optional.empty()));
    ApprovalStatus status = ApprovalCheck.verify(marked, records, KEYRING);
    assertTrue(status.approved(), status.reasons().toString());
    assertEquals(Optional.of(review), status.approvedOn());
    assertTrue(status.records().stream().allMatch(ApprovalStatus.RecordCheck::valid));
  }

  @Test
  void aMissingSignatoryIsNamed() {
    ApprovalStatus status = ApprovalCheck.verify(POLICY, bothApprove(POLICY).subList(0, 1), KEYRING);
    assertFalse(status.approved());
    assertEquals(List.of("Chair of Connect Academy Trust has not approved this edition"), status.reasons());
    assertTrue(status.signatories().get(1).record().isEmpty(), "the chair has no record that counts");
  }

  @Test
  void aKeyNotInTheKeyringCannotSignAndDoesNotCount() {
    KeyPair stranger = SigningKeys.generate();
    PolicyException refused = assertThrows(PolicyException.class, () ->
        Approvals.sign(POLICY, stranger.getPrivate(), "chair", KEYRING, Decision.APPROVED, MEETING, Optional.empty()));
    assertTrue(refused.getMessage().contains("not in the keyring for office 'chair'"), refused.getMessage());
    Keyring withoutChair = Keyring.builder().addKeys(KEYRING.keys().get(0)).build();
    ApprovalStatus status = ApprovalCheck.verify(POLICY, bothApprove(POLICY), withoutChair);
    assertFalse(status.approved());
    assertTrue(status.reasons().get(0).contains("is not in the keyring"), status.reasons().toString());
  }

  @Test
  void aRecordMovedToAnotherOfficeIsRefused() {
    ApprovalRecord chair = bothApprove(POLICY).get(1);
    ApprovalRecord forged = ApprovalRecord.builder().from(chair).office("ceo").build();
    ApprovalStatus status = ApprovalCheck.verify(POLICY, List.of(forged, chair), KEYRING);
    assertFalse(status.approved());
    assertEquals(List.of("Chief Executive Officer's approval does not count: its key is trusted for office 'chair', not 'ceo'"), status.reasons());
  }

  @Test
  void aCorruptOrAlteredSignatureIsRefused() {
    List<ApprovalRecord> records = bothApprove(POLICY);
    ApprovalRecord ceo = ImmutableApprovalRecord.copyOf(records.get(0));
    char[] signature = ceo.signature().toCharArray();
    signature[10] = signature[10] == 'A' ? 'B' : 'A';
    for (ApprovalRecord bad : List.of(ApprovalRecord.builder().from(ceo).signature(new String(signature)).build(), ApprovalRecord.builder().from(ceo).name("Someone Else").build(),
        ApprovalRecord.builder().from(ceo).date(LocalDate.of(2016, 10, 13)).build(), ApprovalRecord.builder().from(ceo).signature("not base64 at all!").build())) {
      ApprovalStatus status = ApprovalCheck.verify(POLICY, List.of(bad, records.get(1)), KEYRING);
      assertFalse(status.approved(), bad.toString());
      assertTrue(status.reasons().get(0).contains("signature does not verify"), status.reasons().toString());
    }
  }

  @Test
  void changesRequestedAfterAnApprovalWithdrawIt() {
    List<ApprovalRecord> records = new ArrayList<>(bothApprove(POLICY));
    records.add(Approvals.sign(POLICY, CHAIR.getPrivate(), "chair", KEYRING, Decision.CHANGES_REQUESTED, MEETING.plusDays(2), Optional.empty()));
    ApprovalStatus status = ApprovalCheck.verify(POLICY, records, KEYRING);
    assertEquals(List.of("Chair of Connect Academy Trust requested changes on 2016-10-14"), status.reasons());
  }

  @Test
  void anOfficeThatDoesNotSignThePolicyCannotApproveIt() {
    assertThrows(PolicyException.class, () -> Approvals.sign(POLICY, CEO.getPrivate(), "board", KEYRING, Decision.APPROVED, MEETING, Optional.empty()));
  }

  @Test
  void approvalsAndKeyringFilesRoundTrip() {
    List<ApprovalRecord> records = bothApprove(POLICY);
    String file = Approvals.writeRecords(records);
    assertEquals(records, Approvals.readRecords(file.getBytes(StandardCharsets.UTF_8), "approvals.yaml"));
    String keyring = Approvals.writeKeyring(KEYRING);
    assertEquals(KEYRING, Approvals.readKeyring(keyring.getBytes(StandardCharsets.UTF_8), "keyring.yaml"));
    assertEquals(CEO.getPrivate(), SigningKeys.readPrivate(SigningKeys.privatePem(CEO.getPrivate())));
  }

  @Test
  void aKeyringWithABrokenKeyIsRefusedWithItsLocation() {
    var e = assertThrows(dev.precept.model.PolicyValidationException.class, () -> Approvals.readKeyring(
        "keys:\n  - office: ceo\n    name: Jane\n    publicKey: not a key\n".getBytes(StandardCharsets.UTF_8), "keyring.yaml"));
    assertTrue(e.getMessage().contains("keyring.yaml:4:5: error: not an Ed25519 public key"), e.getMessage());
  }
}
