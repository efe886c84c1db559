package dev.precept.cli.internal;

import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Approvals;
import dev.precept.approval.MinutedApproval;
import dev.precept.model.Policy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code precept record-approval POLICY --as OFFICE --meeting ... --date ... --minute ... --recorded-by ...}:
 * the clerk records an approval given at a meeting and minuted before the policy came into Precept.
 */
@Command(name = "record-approval",
    description = {"Record an approval given at a meeting and minuted, before the policy came into Precept (appends to "
        + "POLICY.approvals.yaml; the policy is never edited). It binds to this edition's digest and counts as approval, "
        + "shown everywhere as minuted, not signed."},
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  precept record-approval social-media-policy.yaml --as chair --meeting \"Board of Directors meeting\" \\",
        "      --date 2016-10-12 --minute 2016/41 --recorded-by \"A. Clerk\""})
public final class RecordApprovalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file, exactly as the meeting approved it.")
  Path policyFile;

  @Option(names = "--as", required = true, split = ",", paramLabel = "OFFICE",
      description = "The signatory office(s) whose approval the minute records; several separated by commas.")
  List<String> offices;

  @Option(names = "--meeting", required = true, paramLabel = "MEETING", description = "The meeting that approved it.")
  String meeting;

  @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The date of the meeting.")
  LocalDate date;

  @Option(names = "--minute", required = true, paramLabel = "REF", description = "The minute reference.")
  String minute;

  @Option(names = "--recorded-by", required = true, paramLabel = "NAME", description = "Your name, as the clerk recording it.")
  String recordedBy;

  @Option(names = "--name", paramLabel = "NAME", description = "The office holder's name, when the minutes give it (one office only).")
  String name;

  @Override
  public Integer call() throws IOException {
    Policy policy = Inputs.policy(policyFile);
    for (String text : List.of(meeting, minute, recordedBy)) {
      if (text.isBlank()) {
        throw new UsageException("--meeting, --minute and --recorded-by must not be blank");
      }
    }
    if (name != null && offices.size() > 1) {
      throw new UsageException("--name names one office holder: record each office separately");
    }
    if (date.isAfter(LocalDate.now())) {
      throw new UsageException("--date " + date + " is in the future: give the date of the meeting that approved it");
    }
    List<MinutedApproval> added = new ArrayList<>();
    for (String office : offices) {
      MinutedApproval minuted = MinutedApproval.of(policy, office, meeting.strip(), date, minute.strip(), recordedBy.strip());
      added.add(name == null ? minuted : MinutedApproval.builder().from(minuted).name(name.strip()).build());
    }
    Path approvals = ApprovalFiles.approvalsFile(policyFile);
    Path lock = approvals.resolveSibling(approvals.getFileName() + ".lock");
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      try {
        List<ApprovalRecord> records = ApprovalFiles.records(approvals);
        List<MinutedApproval> minuted = new ArrayList<>(ApprovalFiles.minuted(approvals));
        minuted.addAll(added);
        OutputFiles.write(approvals, Approvals.writeRecords(records, minuted), List.of(policyFile));
      } finally {
        held.release();
      }
    } finally {
      java.nio.file.Files.deleteIfExists(lock);
    }
    for (MinutedApproval minuted : added) {
      spec.commandLine().getOut().printf("recorded the minuted approval of version %s by %s (%s), %s, in %s%n",
          policy.metadata().version(), minuted.office(), minuted.describe(), minuted.digest(), approvals);
    }
    spec.commandLine().getOut().println("This is minuted, not signed: `precept verify` and the document say so.");
    return ExitCode.OK;
  }
}
