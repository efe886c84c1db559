package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.ImmutableDates;
import dev.precept.model.ImmutableMetadata;
import dev.precept.model.ImmutablePolicy;
import dev.precept.model.ImmutableRevision;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What the signed document prints is covered by the digest the Board signed: the approval record
 * fields outside the digest (approval date, revision log) can be edited after signing without
 * voiding the signatures, so none of them may change what the document says.
 */
class SignedDocumentCoverageTest {
  private static final Policy POLICY = DocumentRendererTest.POLICY;

  private static SignatureBlock approvedOn(LocalDate date) {
    ImmutableSignatureBlock.Builder block = ImmutableSignatureBlock.builder().approved(true).approvedOn(date);
    SignatureBlock.unsigned(POLICY).lines().forEach(line -> block.addLines(ImmutableLine.copyOf(line)
        .withName("A Signatory").withDate(date).withVerification("approved, signature verified")));
    return block.build();
  }

  @Test
  void theApprovalDatePrintedIsTheVerifiedApprovalsNotOneAddedToTheFileAfterSigning() {
    Policy edited = ImmutablePolicy.copyOf(POLICY).withMetadata(ImmutableMetadata.copyOf(POLICY.metadata())
        .withDates(ImmutableDates.copyOf(POLICY.metadata().dates()).withApproved(LocalDate.of(2016, 1, 1))));
    assertEquals(PolicyDigest.of(POLICY), PolicyDigest.of(edited), "the approval date is outside the digest");

    String html = DocumentRenderer.standard().html(edited, approvedOn(LocalDate.of(2016, 10, 12)));

    assertTrue(html.contains("12 October 2016"), "the verified date is printed");
    assertFalse(html.contains("1 January 2016"), "the date added after signing is not");
  }

  @Test
  void aRevisionSummaryAddedAfterSigningIsNotPrintedInTheDocument() {
    Policy edited = ImmutablePolicy.copyOf(POLICY).withMetadata(ImmutableMetadata.copyOf(POLICY.metadata())
        .withRevisions(ImmutableRevision.builder().version("2016.1").date(LocalDate.of(2016, 10, 12))
            .summary("Approved unanimously, no dissent recorded").build()));
    assertEquals(PolicyDigest.of(POLICY), PolicyDigest.of(edited), "the revision log is outside the digest");

    SignatureBlock signed = approvedOn(LocalDate.of(2016, 10, 12));
    String html = DocumentRenderer.standard().html(edited, signed);
    String markdown = DocumentRenderer.standard().markdown(edited, signed);

    assertFalse(html.contains("Approved unanimously"), "HTML");
    assertFalse(markdown.contains("Approved unanimously"), "Markdown");
  }
}
