package dev.precept.cli.internal;

import dev.precept.eval.CaseReport;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.Evaluator;
import dev.precept.model.Policy;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept test POLICY}: run the policy's cases, with a diff for each failure and coverage. */
@Command(name = "test", description = "Run a policy's cases (POLICY.cases.yaml beside it) and report coverage.",
    mixinStandardHelpOptions = true)
public final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file.")
  Path policyFile;

  @Option(names = "--cases", paramLabel = "FILE", description = "The cases file (default: beside the policy, NAME.cases.yaml).")
  Path casesFile;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    Path cases = Inputs.existing(casesFile != null ? casesFile : CaseSuite.besidePolicy(policyFile));
    Policy policy = Inputs.policy(policyFile);
    CaseReport report = CaseSuite.load(cases, policy).run(Evaluator.of(policy));
    if (format == OutputFormat.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("passed", report.passed());
      json.put("cases", report.results().stream().map(r -> Map.of(
          "name", r.policyCase().name(), "location", r.policyCase().location(),
          "passed", r.passed(), "differences", r.differences())).toList());
      json.put("coverage", Map.of(
          "clausesNotExercised", report.clausesNotExercised(),
          "exceptionsNotExercised", report.exceptionsNotExercised(),
          "consequencesNotExercised", report.consequencesNotExercised()));
      spec.commandLine().getOut().println(CliJson.write(json));
    } else {
      spec.commandLine().getOut().print(report.toText());
    }
    spec.commandLine().getOut().flush();
    return report.passed() ? ExitCode.OK : ExitCode.INVALID;
  }

}
