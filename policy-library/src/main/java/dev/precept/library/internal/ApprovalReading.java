package dev.precept.library.internal;

import dev.precept.library.EditionApproval;
import dev.precept.library.LoadProblem;
import dev.precept.library.Signature;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Keyring;
import dev.precept.approval.MinutedApproval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the library reads approval files ({@code <name>.approvals.yaml} and
 * {@code <name>.keyring.yaml} beside an edition) and verifies them, as {@code precept verify} does.
 */
final class ApprovalReading {
  private ApprovalReading() {}

  static Path sibling(Path edition, String suffix) {
    String name = edition.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return edition.resolveSibling(name + suffix);
  }

  static EditionApproval read(Path file, Policy policy, List<Policy> otherEditions, List<LoadProblem> problems) {
    Path approvals = sibling(file, ".approvals.yaml");
    Path keyringFile = sibling(file, ".keyring.yaml");
    List<ApprovalRecord> records;
    List<MinutedApproval> minuted;
    Keyring keyring;
    try {
      byte[] bytes = Files.isRegularFile(approvals) ? PolicyLoader.readFile(approvals, ReadLimits.STANDARD) : null;
      records = bytes == null ? List.of() : Approvals.readRecords(bytes, approvals.toString());
      minuted = bytes == null ? List.of() : Approvals.readMinuted(bytes, approvals.toString());
    } catch (PolicyException e) {
      return unreadable(approvals, e, problems);
    }
    try {
      keyring = Files.isRegularFile(keyringFile)
          ? Approvals.readKeyring(PolicyLoader.readFile(keyringFile, ReadLimits.STANDARD), keyringFile.toString()) : Keyring.empty();
    } catch (PolicyException e) {
      return unreadable(keyringFile, e, problems);
    }
    ApprovalStatus status = ApprovalCheck.verify(policy, records, minuted, keyring, otherEditions, ApprovalCheck::versions);
    // No records proves nothing, whatever the signatories.
    boolean approved = status.approved() && (!records.isEmpty() || !minuted.isEmpty());
    EditionApproval.Builder approval = EditionApproval.builder()
        .approved(approved).approvedOn(approved ? status.approvedOn() : java.util.Optional.empty()).reasons(status.reasons());
    if (approved) {
      for (ApprovalStatus.SignatoryApproval signatory : status.signatories()) {
        signatory.record().filter(r -> r.decision().approves())
            .ifPresent(r -> approval.addSignatures(Signature.builder().office(signatory.office())
                .title(signatory.title()).name(r.name()).date(r.date()).build()));
      }
    }
    if (records.isEmpty() && minuted.isEmpty()) {
      approval.reasons(List.of("it has no approvals (" + approvals.getFileName() + " is not there)"));
    }
    return approval.build();
  }

  private static EditionApproval unreadable(Path file, PolicyException e, List<LoadProblem> problems) {
    problems.add(LoadProblem.builder().file(file).message("not a valid approvals file: " + e.getMessage())
        .problems(e instanceof PolicyValidationException v ? v.diagnostics() : List.of()).build());
    return EditionApproval.builder().approved(false)
        .addReasons(file.getFileName() + " cannot be read, so nothing in it counts").build();
  }
}
