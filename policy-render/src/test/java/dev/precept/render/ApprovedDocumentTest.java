package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import dev.precept.model.Policy;
import dev.precept.testkit.SeedPolicy;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A verified approval shows in the document: the signers' lines filled, no DRAFT mark. */
class ApprovedDocumentTest {
  private static final Policy POLICY = SeedPolicy.policy();
  private static final KeyPair CEO = SigningKeys.generate();
  private static final KeyPair CHAIR = SigningKeys.generate();
  private static final Keyring KEYRING = Keyring.builder()
      .addKeys(TrustedKey.builder().office("ceo").name("Jane Smith").publicKey(SigningKeys.publicPem(CEO.getPublic())).build())
      .addKeys(TrustedKey.builder().office("chair").name("Tom Evans").publicKey(SigningKeys.publicPem(CHAIR.getPublic())).build())
      .build();
  private static final LocalDate MEETING = LocalDate.of(2016, 10, 12);

  private static List<ApprovalRecord> records(Decision chairDecision) {
    return List.of(
        Approvals.sign(POLICY, CEO.getPrivate(), "ceo", KEYRING, Decision.APPROVED, MEETING, Optional.empty()),
        Approvals.sign(POLICY, CHAIR.getPrivate(), "chair", KEYRING, chairDecision, MEETING, Optional.empty()));
  }

  @Test
  void theApprovedDocumentShowsTheSignersAndNoDraftMark() {
    SignatureBlock block = SignatureBlock.of(ApprovalCheck.verify(POLICY, records(Decision.APPROVED), KEYRING));
    assertTrue(block.lines().get(1).verification().orElseThrow().startsWith("approved, signature verified (key "));
    String html = DocumentRenderer.standard().html(POLICY, block);
    assertTrue(html.contains("Approved by the Board of Connect Academy Trust, 12 October 2016"), html);
    assertTrue(html.contains("<p class=\"filled\">Jane Smith</p>"));
    assertTrue(html.contains("<p class=\"filled\">Tom Evans</p>"));
    assertTrue(html.contains("version 2016.1, Approved."));
    assertFalse(html.contains("class=\"draft\""));
  }

  @Test
  void aSignatoryWhoRequestedChangesLeavesALineToSignAndTheDraftMark() {
    SignatureBlock block = SignatureBlock.of(ApprovalCheck.verify(POLICY, records(Decision.CHANGES_REQUESTED), KEYRING));
    assertFalse(block.approved());
    assertTrue(block.lines().get(1).name().isEmpty(), "the chair's line stays a line to sign by hand");
    assertTrue(block.lines().get(0).name().isPresent());
    String html = DocumentRenderer.standard().html(POLICY, block);
    assertTrue(html.contains("class=\"draft\""));
  }

  @Test
  void aMinutedApprovalEndsTheDraftAndIsShownAsMinutedNotSigned() {
    List<dev.precept.approval.MinutedApproval> minuted = List.of(
        dev.precept.approval.MinutedApproval.of(POLICY, "ceo", "Board of Directors meeting", MEETING, "2016/41", "A. Clerk"),
        dev.precept.approval.MinutedApproval.of(POLICY, "chair", "Board of Directors meeting", MEETING, "2016/41", "A. Clerk"));
    SignatureBlock block = SignatureBlock.of(ApprovalCheck.verify(POLICY, List.of(), minuted, KEYRING, List.of(), ApprovalCheck::versions));
    assertTrue(block.approved());
    assertTrue(block.lines().stream().allMatch(SignatureBlock.Line::minuted));
    String html = DocumentRenderer.standard().html(POLICY, block);
    assertFalse(html.contains("class=\"draft\""), "a minuted approval is an approval: no DRAFT mark");
    assertTrue(html.contains("Approved by the Board of Connect Academy Trust, 12 October 2016"), html);
    assertTrue(html.contains("<p class=\"label\">Approved (minuted)</p>"), html);
    assertTrue(html.contains("<p class=\"minuted\">approved at Board of Directors meeting on 12 October 2016, minute 2016/41; "
        + "recorded by A. Clerk (minuted, not signed)</p>"), html);
    assertFalse(html.contains("signature verified"), "never shown as a signature");
    String markdown = DocumentRenderer.standard().markdown(POLICY, block);
    assertTrue(markdown.contains("Approved (minuted): Chief Executive Officer, 12 October 2016 (approved at Board of Directors meeting"), markdown);
    assertFalse(markdown.contains("DRAFT"), markdown);
  }
}
