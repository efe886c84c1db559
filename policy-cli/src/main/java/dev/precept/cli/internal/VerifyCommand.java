package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Passkeys;
import dev.precept.approval.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept verify POLICY}: is what is in force exactly what the signatories approved? */
@Command(name = "verify", description = "Check every approval record: exit 0 when every signatory approved exactly this edition, 1 otherwise, with the reasons.",
    mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file (with --academy: the trust's library folder).")
  Path policyFile;

  @Option(names = "--academy", paramLabel = "NAME", description = "Verify an academy's policy in the library folder: the Board's approval of the master edition in force, "
      + "the Local Governing Body's approval of the academy's tailoring, and that no tailored clause changed underneath it.")
  String academy;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "With --academy: the date whose master edition in force is checked (default: today).")
  java.time.LocalDate on;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    if (academy != null) {
      return AcademyVerification.run(spec.commandLine().getOut(), policyFile, academy, on == null ? java.time.LocalDate.now() : on, format);
    }
    Policy policy = Inputs.policy(policyFile);
    ApprovalStatus status = ApprovalFiles.status(policyFile, policy);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("policy", policy.id());
      json.put("version", policy.metadata().version());
      json.put("digest", status.digest());
      json.put("approved", status.approved());
      json.put("reasons", status.reasons());
      json.put("records", status.records().stream().map(c -> Map.of(
          "office", c.record().office(), "name", c.record().name(), "decision", c.record().decision().word(),
          "date", c.record().date().toString(), "digest", c.record().digest(), "valid", c.valid(), "current", c.current(),
          "problems", c.problems(), "signedWith", c.record().passkey().map(p -> "passkey " + Passkeys.shortCredential(p.credentialId()))
              .orElse("key " + SigningKeys.shortFingerprint(c.record().key())))).toList());
      json.put("signed", status.signed());
      json.put("minuted", status.minuted().stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("office", c.minuted().office());
        m.put("meeting", c.minuted().meeting());
        m.put("date", c.minuted().date().toString());
        m.put("minute", c.minuted().minute());
        m.put("recordedBy", c.minuted().recordedBy());
        m.put("digest", c.minuted().digest());
        m.put("valid", c.valid());
        m.put("counts", status.signatories().stream().anyMatch(s -> s.minutedOnly() && s.minuted().get().equals(c.minuted())));
        m.put("problems", c.problems());
        return m;
      }).toList());
      out.println(CliJson.write(json));
    } else {
      out.printf("%s version %s (%s)%n", policy.metadata().title(), policy.metadata().version(), status.digest());
      if (status.records().isEmpty() && status.minuted().isEmpty()) {
        out.println("no approval records in " + ApprovalFiles.approvalsFile(policyFile));
      }
      for (ApprovalStatus.RecordCheck check : status.records()) {
        var record = check.record();
        String verdict = check.valid() && check.current() ? "ok" : check.valid() ? "earlier edition" : "REFUSED";
        if (record.passkey().isPresent()) {
          out.printf("  %-16s %s, %s, %s on %s%s%n", verdict, record.name(), record.office(), record.decision().word(), record.date(),
              check.valid() ? dev.precept.approval.Approvals.verifiedEvidence(record)
                  : " with a passkey (credential " + Passkeys.shortCredential(record.passkey().get().credentialId()) + ")");
        } else {
          out.printf("  %-16s %s, %s, %s on %s, key %s%n", verdict, record.name(), record.office(), record.decision().word(),
              record.date(), SigningKeys.shortFingerprint(record.key()));
        }
        check.problems().forEach(p -> out.println("                   " + p));
      }
      for (ApprovalStatus.MinutedCheck check : status.minuted()) {
        var minuted = check.minuted();
        boolean counts = status.signatories().stream().anyMatch(s -> s.minutedOnly() && s.minuted().get().equals(minuted));
        String verdict = !check.valid() ? "REFUSED" : counts ? "minuted" : "minuted, unused";
        out.printf("  %-16s %s, %s; minuted, not signed%n", verdict, minuted.office(), minuted.describe());
        check.problems().forEach(p -> out.println("                   " + p));
        if (check.valid() && !counts) {
          out.println("                   a signed record for this office counts instead");
        }
      }
      if (status.approved() && !status.signed()) {
        java.util.List<String> minutedOffices = status.signatories().stream().filter(s -> s.minutedOnly()).map(s -> s.title()).toList();
        out.println("APPROVED (minuted, not signed, for " + String.join(" and ", minutedOffices)
            + "): every signatory approved exactly this edition (last on " + status.approvedOn().orElseThrow() + ").");
      } else if (status.approved()) {
        out.println("APPROVED: every signatory approved exactly this edition (last on " + status.approvedOn().orElseThrow() + ").");
      } else {
        out.println("NOT APPROVED:");
        status.reasons().forEach(r -> out.println("  - " + r));
      }
    }
    out.flush();
    return status.approved() ? ExitCode.OK : ExitCode.INVALID;
  }
}
