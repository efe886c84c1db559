package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
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

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file, or a folder of editions: then the "
      + "edition in force on the incident's date rules.")
  Path policyFile;

  @Parameters(index = "1", paramLabel = "INCIDENT", description = "The incident, as YAML or JSON.")
  Path incidentFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--policy", paramLabel = "ID", description = "With a folder holding several policies: which one.")
  java.util.Optional<String> policyId;

  @Option(names = "--allow-drafts", description = "With a folder: a draft may be the edition in force (the ruling says so).")
  boolean allowDrafts;

  @Override
  public Integer call() {
    if (java.nio.file.Files.isDirectory(policyFile)) {
      FolderEvaluation.Result result = FolderEvaluation.rule(policyFile, incidentFile, policyId,
          allowDrafts ? dev.precept.library.Drafts.ALLOWED : dev.precept.library.Drafts.REFUSED);
      spec.commandLine().getOut().print(format == OutputFormat.json ? FolderEvaluation.json(result) : FolderEvaluation.text(result));
      spec.commandLine().getOut().flush();
      return Precept.OK;
    }
    Inputs.existing(incidentFile);
    Policy policy = Inputs.policy(policyFile);
    Incident incident = IncidentLoader.forPolicy(policy).load(incidentFile);
    Ruling ruling = Evaluator.of(policy).rule(incident);
    spec.commandLine().getOut().print(format == OutputFormat.json ? Rulings.toJson(ruling) : Rulings.toText(ruling));
    spec.commandLine().getOut().flush();
    return Precept.OK;
  }
}
