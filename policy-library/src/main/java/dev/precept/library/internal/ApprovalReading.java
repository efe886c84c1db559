package dev.precept.library.internal;

import dev.precept.library.EditionApproval;
import dev.precept.library.ImmutableEditionApproval;
import dev.precept.library.ImmutableLoadProblem;
import dev.precept.library.ImmutableSignature;
import dev.precept.library.LoadProblem;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import dev.precept.render.ApprovalCheck;
import dev.precept.render.ApprovalRecord;
import dev.precept.render.ApprovalStatus;
import dev.precept.render.Approvals;
import dev.precept.render.Keyring;
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
    Keyring keyring;
    try {
      records = Files.isRegularFile(approvals)
          ? Approvals.readRecords(PolicyLoader.readFile(approvals, ReadLimits.STANDARD), approvals.toString()) : List.of();
    } catch (PolicyException e) {
      return unreadable(approvals, e, problems);
    }
    try {
      keyring = Files.isRegularFile(keyringFile)
          ? Approvals.readKeyring(PolicyLoader.readFile(keyringFile, ReadLimits.STANDARD), keyringFile.toString()) : Keyring.empty();
    } catch (PolicyException e) {
      return unreadable(keyringFile, e, problems);
    }
    ApprovalStatus status = ApprovalCheck.verify(policy, records, keyring, otherEditions);
    boolean approved = status.approved() && !records.isEmpty(); // no records proves nothing, whatever the signatories
    ImmutableEditionApproval.Builder approval = ImmutableEditionApproval.builder()
        .approved(approved).approvedOn(approved ? status.approvedOn() : java.util.Optional.empty()).reasons(status.reasons());
    if (approved) {
      for (var signatory : policy.metadata().signatories()) {
        status.records().stream()
            .filter(c -> c.valid() && c.current() && c.record().office().equals(signatory.office()) && c.record().decision().approves())
            .reduce((a, b) -> b.record().date().isBefore(a.record().date()) ? a : b)
            .ifPresent(c -> approval.addSignatures(ImmutableSignature.builder().office(c.record().office())
                .title(policy.office(c.record().office()).map(o -> o.title()).orElse(c.record().office()))
                .name(c.record().name()).date(c.record().date()).build()));
      }
    }
    if (records.isEmpty()) {
      approval.reasons(List.of("it has no approvals (" + approvals.getFileName() + " is not there)"));
    }
    return approval.build();
  }

  private static EditionApproval unreadable(Path file, PolicyException e, List<LoadProblem> problems) {
    problems.add(ImmutableLoadProblem.builder().file(file).message("not a valid approvals file: " + e.getMessage())
        .problems(e instanceof PolicyValidationException v ? v.problems() : List.of()).build());
    return ImmutableEditionApproval.builder().approved(false)
        .addReasons(file.getFileName() + " cannot be read, so nothing in it counts").build();
  }
}
