package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Ruling;
import dev.precept.eval.Rulings;
import dev.precept.model.Policy;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept evaluate POLICY INCIDENT}: the ruling on one incident. */
@Command(name = "evaluate", description = "Rule on an incident (YAML or JSON) under a policy.",
    mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file (- for standard input).")
  Path policyFile;

  @Parameters(index = "1", paramLabel = "INCIDENT", description = "The incident, as YAML or JSON (- for standard input).")
  Path incidentFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    Inputs.existing(incidentFile);
    if (Inputs.isStdin(policyFile) && Inputs.isStdin(incidentFile)) {
      throw new Precept.UsageException("only one of POLICY and INCIDENT can be read from standard input ('-')");
    }
    Policy policy = Inputs.policy(policyFile);
    Incident incident = Inputs.incident(incidentFile, policy);
    Ruling ruling = Evaluator.of(policy).rule(incident);
    spec.commandLine().getOut().print(format == OutputFormat.json ? Rulings.toJson(ruling) : Rulings.toText(ruling));
    spec.commandLine().getOut().flush();
    return Precept.OK;
  }
}
