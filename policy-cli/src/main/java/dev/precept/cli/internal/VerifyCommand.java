package dev.precept.cli.internal;

import dev.precept.cli.Precept;
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

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file.")
  Path policyFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
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
      out.println(CliJson.write(json));
    } else {
      out.printf("%s version %s (%s)%n", policy.metadata().title(), policy.metadata().version(), status.digest());
      if (status.records().isEmpty()) {
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
      if (status.approved()) {
        out.println("APPROVED: every signatory approved exactly this edition (last on " + status.approvedOn().orElseThrow() + ").");
      } else {
        out.println("NOT APPROVED:");
        status.reasons().forEach(r -> out.println("  - " + r));
      }
    }
    out.flush();
    return status.approved() ? Precept.OK : Precept.INVALID;
  }
}
