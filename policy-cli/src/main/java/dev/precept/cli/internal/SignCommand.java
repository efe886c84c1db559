package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Decision;
import dev.precept.approval.SigningKeys;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept sign POLICY --key KEY --as OFFICE}: append a signed approval record. */
@Command(name = "sign", description = "Record your decision on this edition, signed with your key (appends to POLICY.approvals.yaml; the policy is never edited).",
    mixinStandardHelpOptions = true)
public final class SignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file (with --academy: the trust's library folder).")
  Path policyFile;

  @Option(names = "--academy", paramLabel = "NAME", description = "Sign an academy's tailoring for its Local Governing Body: the record goes beside the academy's overlay "
      + "and binds its tailoring digest (keys from the keyring beside the overlay).")
  String academy;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "With --academy: the date whose master edition in force is tailored (default: the decision's date).")
  LocalDate on;

  @Option(names = "--key", required = true, paramLabel = "KEY", description = "Your private key (.key.pem from 'precept keygen').")
  Path keyFile;

  @Option(names = "--as", required = true, paramLabel = "OFFICE", description = "The office you sign for.")
  String office;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The date of the decision (default: today).")
  LocalDate date;

  @Option(names = "--minute", paramLabel = "REF", description = "The meeting or minute reference.")
  String minute;

  @Option(names = "--decision", defaultValue = "approved", description = "approved, reviewed-no-change or changes-requested (default: ${DEFAULT-VALUE}).")
  String decision;

  @Override
  public Integer call() throws IOException {
    PrivateKey key = SigningKeys.readPrivate(new String(PolicyLoader.readFile(Inputs.existing(keyFile), ReadLimits.STANDARD), StandardCharsets.UTF_8));
    Decision chosen = switch (decision) {
      case "approved" -> Decision.APPROVED;
      case "reviewed-no-change" -> Decision.REVIEWED_NO_CHANGE;
      case "changes-requested" -> Decision.CHANGES_REQUESTED;
      default -> throw new UsageException("--decision must be approved, reviewed-no-change or changes-requested");
    };
    if (academy != null) {
      return signTailoring(key, chosen);
    }
    Policy policy = Inputs.policy(policyFile);
    ApprovalRecord record = dev.precept.approval.Approvals.sign(policy, key, office, ApprovalFiles.keyring(ApprovalFiles.keyringFile(policyFile)),
        chosen, date == null ? LocalDate.now() : date, Optional.ofNullable(minute));
    append(ApprovalFiles.approvalsFile(policyFile), record, policyFile);
    spec.commandLine().getOut().printf("recorded %s's decision (%s) on version %s, %s, in %s%n", record.name(),
        record.decision().word(), policy.metadata().version(), record.digest(), ApprovalFiles.approvalsFile(policyFile));
    return ExitCode.OK;
  }

  private Integer signTailoring(PrivateKey key, Decision chosen) throws IOException {
    if ("all".equals(academy)) {
      throw new UsageException("--academy all does not sign: a Local Governing Body signs for its own academy");
    }
    LocalDate when = date == null ? LocalDate.now() : date;
    for (Academies.AcademyPolicy each : Academies.select(policyFile, academy, on == null ? when : on)) {
      String base = each.overlayFile().getFileName().toString().replaceFirst("\\.overlay\\.ya?ml$", "");
      ApprovalRecord record = dev.precept.library.TailoringApproval.sign(each.overlay(), each.master(), key, office,
          ApprovalFiles.keyring(each.overlayFile().resolveSibling(base + ".keyring.yaml")), chosen, when, Optional.ofNullable(minute));
      Path approvals = each.overlayFile().resolveSibling(base + ".approvals.yaml");
      append(approvals, record, each.overlayFile());
      spec.commandLine().getOut().printf("recorded %s's decision (%s) on %s's tailoring of %s %s, %s, in %s%n", record.name(),
          record.decision().word(), each.academy(), each.master().id(), each.master().metadata().version(), record.digest(), approvals);
    }
    return ExitCode.OK;
  }

  private void append(Path approvals, ApprovalRecord record, Path input) throws IOException {
    Path lock = approvals.resolveSibling(approvals.getFileName() + ".lock");
    // Two signatories signing at once must not lose either record: one appends at a time.
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      try {
        List<ApprovalRecord> records = new ArrayList<>(ApprovalFiles.records(approvals));
        records.add(record);
        OutputFiles.write(approvals, dev.precept.approval.Approvals.writeRecords(records, ApprovalFiles.minuted(approvals)),
            List.of(input, keyFile));
      } finally {
        held.release();
      }
    } finally {
      java.nio.file.Files.deleteIfExists(lock);
    }
  }
}
