package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code precept validate FILE...}: every problem in every file, at once. */
@Command(name = "validate", description = "Check policy files against the schema and the policy rules.",
    mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy YAML files.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new Precept.UsageException(file + ": no such file");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> results = new ArrayList<>();
    int invalid = 0;
    int problemCount = 0;
    for (Path file : files) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", file.toString());
      try {
        Policy policy = PolicyLoader.standard().load(file);
        PolicyDigest digest = PolicyDigest.of(policy);
        result.put("valid", true);
        result.put("id", policy.id());
        result.put("version", policy.metadata().version());
        result.put("digest", digest.toString());
        result.put("problems", List.of());
        if (format == OutputFormat.text) {
          out.printf("%s: valid: %s, version %s (%s)%n", file, policy.metadata().title(),
              policy.metadata().version(), digest);
        }
      } catch (PolicyValidationException e) {
        invalid++;
        problemCount += e.diagnostics().size();
        result.put("valid", false);
        result.put("problems", e.diagnostics());
        if (format == OutputFormat.text) {
          e.diagnostics().stream().map(Diagnostic::describe).forEach(out::println);
        }
      }
      results.add(result);
    }
    if (format == OutputFormat.json) {
      out.println(CliJson.write(Map.of("files", results, "valid", invalid == 0)));
    } else if (invalid > 0) {
      out.printf("%d %s in %d of %d %s%n", problemCount, problemCount == 1 ? "problem" : "problems",
          invalid, files.size(), files.size() == 1 ? "file" : "files");
    }
    return invalid == 0 ? Precept.OK : Precept.INVALID;
  }
}
