package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Metadata.Dates;
import dev.precept.model.Metadata;
import dev.precept.model.Policy;
import dev.precept.model.Revision;
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
    SignatureBlock.Builder block = SignatureBlock.builder().approved(true).approvedOn(date);
    SignatureBlock.unsigned(POLICY).lines().forEach(line -> block.addLines(SignatureBlock.Line.builder().from(line)
        .name("A Signatory").date(date).verification("approved, signature verified").build()));
    return block.build();
  }

  @Test
  void theApprovalDatePrintedIsTheVerifiedApprovalsNotOneAddedToTheFileAfterSigning() {
    Policy edited = Policy.builder().from(POLICY).metadata(Metadata.builder().from(POLICY.metadata())
        .dates(Dates.builder().from(POLICY.metadata().dates()).approved(LocalDate.of(2016, 1, 1)).build()).build()).build();
    assertEquals(PolicyDigest.of(POLICY), PolicyDigest.of(edited), "the approval date is outside the digest");

    String html = DocumentRenderer.standard().html(edited, approvedOn(LocalDate.of(2016, 10, 12)));

    assertTrue(html.contains("12 October 2016"), "the verified date is printed");
    assertFalse(html.contains("1 January 2016"), "the date added after signing is not");
  }

  @Test
  void aRevisionSummaryAddedAfterSigningIsNotPrintedInTheDocument() {
    Policy edited = Policy.builder().from(POLICY).metadata(Metadata.builder().from(POLICY.metadata())
        .revisions(java.util.List.of(Revision.builder().version("2016.1").date(LocalDate.of(2016, 10, 12))
            .summary("Approved unanimously, no dissent recorded").build())).build()).build();
    assertEquals(PolicyDigest.of(POLICY), PolicyDigest.of(edited), "the revision log is outside the digest");

    SignatureBlock signed = approvedOn(LocalDate.of(2016, 10, 12));
    String html = DocumentRenderer.standard().html(edited, signed);
    String markdown = DocumentRenderer.standard().markdown(edited, signed);

    assertFalse(html.contains("Approved unanimously"), "HTML");
    assertFalse(markdown.contains("Approved unanimously"), "Markdown");
  }
}
