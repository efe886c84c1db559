package dev.precept.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.testkit.SeedPolicy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An approval minuted at a meeting counts, is never mistaken for a signature, and fails closed. */
class MinutedApprovalTest {
  private static final Policy POLICY = ApprovalsTest.POLICY;
  private static final LocalDate MEETING = LocalDate.of(2016, 10, 12);

  private static MinutedApproval minuted(Policy policy, String office) {
    return MinutedApproval.of(policy, office, "Board of Directors meeting", MEETING, "2016/41", "A. Clerk");
  }

  private static ApprovalStatus verify(List<ApprovalRecord> records, List<MinutedApproval> minuted) {
    return ApprovalCheck.verify(POLICY, records, minuted, ApprovalsTest.KEYRING, List.of(), ApprovalCheck::versions);
  }

  @Test
  void minutedApprovalsOfEverySignatoryApproveTheEditionButAreNotSignatures() {
    ApprovalStatus status = verify(List.of(), List.of(minuted(POLICY, "ceo"), minuted(POLICY, "chair")));
    assertTrue(status.approved(), status.reasons().toString());
    assertFalse(status.signed(), "minuted is not signed");
    assertEquals(Optional.of(MEETING), status.approvedOn());
    assertTrue(status.signatories().stream().allMatch(ApprovalStatus.SignatoryApproval::minutedOnly));
    assertEquals("approved at Board of Directors meeting on 12 October 2016, minute 2016/41; recorded by A. Clerk",
        status.signatories().get(1).minuted().orElseThrow().describe());
  }

  @Test
  void aMinutedApprovalOfAnEarlierEditionDoesNotCount() {
    Policy earlier = SeedPolicy.withClauseText(POLICY, "conduct.name-and-logo", "Earlier wording.");
    ApprovalStatus status = verify(List.of(), List.of(minuted(earlier, "ceo"), minuted(POLICY, "chair")));
    assertFalse(status.approved());
    assertEquals(1, status.reasons().size(), status.reasons().toString());
    assertTrue(status.reasons().get(0).startsWith("Chief Executive Officer's minuted approval does not count: it is for an earlier edition sha256:"),
        status.reasons().get(0));
    assertFalse(status.minuted().get(0).valid());
  }

  @Test
  void aMinutedApprovalMustNameASignatoryOfThisPolicy() {
    PolicyException e = assertThrows(PolicyException.class, () -> minuted(POLICY, "board"));
    assertTrue(e.getMessage().contains("office 'board' does not sign policy cat-social-media"), e.getMessage());
    MinutedApproval forged = MinutedApproval.builder().from(minuted(POLICY, "ceo")).office("board").build();
    ApprovalStatus status = verify(List.of(), List.of(forged, minuted(POLICY, "chair")));
    assertFalse(status.approved());
    assertEquals(List.of("office 'board' is not a signatory of this policy"), status.minuted().get(0).problems());
    MinutedApproval otherPolicy = MinutedApproval.builder().from(minuted(POLICY, "ceo")).policy("another-policy").build();
    assertFalse(verify(List.of(), List.of(otherPolicy, minuted(POLICY, "chair"))).approved());
  }

  @Test
  void aSignedRecordCountsBeforeAMinutedOne() {
    ApprovalStatus status = verify(ApprovalsTest.bothApprove(POLICY), List.of(minuted(POLICY, "chair")));
    assertTrue(status.signed());
    assertTrue(status.signatories().get(1).minuted().isEmpty());
    ApprovalStatus mixed = verify(List.of(ApprovalsTest.bothApprove(POLICY).get(0)), List.of(minuted(POLICY, "chair")));
    assertTrue(mixed.approved());
    assertFalse(mixed.signed());
    assertFalse(mixed.signatories().get(0).minutedOnly());
    assertTrue(mixed.signatories().get(1).minutedOnly());
  }

  @Test
  void minutedApprovalsRoundTripThroughTheApprovalsFileBesideSignedRecords() {
    List<ApprovalRecord> records = ApprovalsTest.bothApprove(POLICY);
    List<MinutedApproval> minuted = List.of(MinutedApproval.builder().from(minuted(POLICY, "chair")).name("Tom Evans").build());
    byte[] file = Approvals.writeRecords(records, minuted).getBytes(StandardCharsets.UTF_8);
    assertEquals(records, Approvals.readRecords(file, "x.approvals.yaml"));
    assertEquals(minuted, Approvals.readMinuted(file, "x.approvals.yaml"));
    byte[] onlyMinuted = Approvals.writeRecords(List.of(), minuted).getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), Approvals.readRecords(onlyMinuted, "x.approvals.yaml"));
    assertEquals(minuted, Approvals.readMinuted(onlyMinuted, "x.approvals.yaml"));
  }

  @Test
  void aMinutedApprovalWithoutItsDigestOrClerkIsRefusedWithItsLocation() {
    String yaml = """
        minuted:
          - policy: cat-social-media
            office: chair
            meeting: Board of Directors meeting
            date: 2016-10-12
            minute: "2016/41"
        """;
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> Approvals.readMinuted(yaml.getBytes(StandardCharsets.UTF_8), "x.approvals.yaml"));
    String problems = e.diagnostics().toString();
    assertTrue(problems.contains("digest") && problems.contains("recordedBy"), problems);
    assertTrue(e.diagnostics().stream().allMatch(p -> p.pointer().equals("/minuted/0")), problems);
  }
}
