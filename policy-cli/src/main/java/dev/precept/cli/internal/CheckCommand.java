package dev.precept.cli.internal;

import dev.precept.eval.CheckReport;
import dev.precept.eval.PolicyCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept check POLICY}: static analysis before the Board sees the policy. */
@Command(name = "check", description = "Coverage matrix, gaps, conflicts and unreachable parts of a policy; exit 1 on errors.",
    mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file.")
  Path policyFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    dev.precept.model.Policy policy = Inputs.policy(policyFile);
    CheckReport report = PolicyCheck.of(policy);
    spec.commandLine().getOut().print(format == OutputFormat.json ? CliJson.write(report) + "\n" : PolicyCheck.toText(report, policy));
    spec.commandLine().getOut().flush();
    return report.hasErrors() ? ExitCode.INVALID : ExitCode.OK;
  }
}
