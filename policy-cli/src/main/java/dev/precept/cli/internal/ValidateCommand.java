package dev.precept.cli.internal;

import dev.precept.model.Diagnostic;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept validate FILE|FOLDER|-...}: every problem in every policy file, at once. */
@Command(name = "validate", description = "Check policy files against the schema and the policy rules. A folder is searched"
    + " for policy files (*.yaml starting with schemaVersion, leaving out .cases, .approvals and .keyring files) and academies'"
    + " overlays (*.overlay.yaml, each checked against its master in the trust's library); - reads standard input.",
    mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy YAML files, academies' overlays, folders of them,"
      + " or - for standard input.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = {"-q", "--quiet"}, description = "Print only problems: nothing when every file is valid.")
  boolean quiet;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "For academies' overlays: the date whose master edition"
      + " in force each is checked against (default: today).")
  LocalDate on;

  @Override
  public Integer call() {
    List<Path> inputs = expand(files, true);
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> results = new ArrayList<>();
    int invalid = 0;
    int problemCount = 0;
    OverlayCheck overlays = new OverlayCheck(on != null ? on : LocalDate.now());
    for (Path file : inputs) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("file", Inputs.name(file));
      try {
        if (OverlayCheck.isOverlay(file)) {
          OverlayCheck.Checked checked = overlays.check(file);
          result.put("valid", true);
          result.put("id", checked.policy().id());
          result.put("academy", checked.overlay().academy());
          result.put("version", checked.master().metadata().version());
          result.put("digest", PolicyDigest.of(checked.policy()).toString());
          result.put("problems", List.of());
          if (format == OutputFormat.text && !quiet) {
            out.printf("%s: valid: %s: %s on master edition %s (%s)%n", Inputs.name(file), checked.overlay().academy(),
                checked.policy().metadata().title(), checked.master().metadata().version(), PolicyDigest.of(checked.policy()));
          }
          results.add(result);
          continue;
        }
        Policy policy = Inputs.policy(file);
        List<Diagnostic> inLibrary = folderGiven(file).filter(folder -> Files.isDirectory(folder.resolve("academies")))
            .map(folder -> overlays.libraryProblems(folder, file)).orElse(List.of());
        if (!inLibrary.isEmpty()) {
          throw new PolicyValidationException(inLibrary);
        }
        PolicyDigest digest = PolicyDigest.of(policy);
        result.put("valid", true);
        result.put("id", policy.id());
        result.put("version", policy.metadata().version());
        result.put("digest", digest.toString());
        result.put("problems", List.of());
        if (format == OutputFormat.text && !quiet) {
          out.printf("%s: valid: %s, version %s (%s)%n", Inputs.name(file), policy.metadata().title(),
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
          invalid, inputs.size(), inputs.size() == 1 ? "file" : "files");
    }
    return invalid == 0 ? ExitCode.OK : ExitCode.INVALID;
  }

  /**
   * Files as given, folders replaced by the policy files in them (sorted), and by the academies'
   * overlays in them when asked for, {@code -} kept.
   */
  static List<Path> expand(List<Path> given, boolean overlays) {
    List<Path> inputs = new ArrayList<>();
    for (Path file : given) {
      if (Inputs.isStdin(file)) {
        inputs.add(file);
      } else if (Files.isDirectory(file)) {
        List<Path> found = policiesIn(file, overlays);
        if (found.isEmpty()) {
          throw new UsageException(file + ": no policy files (*.yaml) in this folder");
        }
        inputs.addAll(found);
      } else {
        inputs.add(Inputs.existing(file));
      }
    }
    return inputs;
  }

  /** The folder given on the command line that a file was found in, if it was found in one. */
  private java.util.Optional<Path> folderGiven(Path file) {
    if (Inputs.isStdin(file)) {
      return java.util.Optional.empty();
    }
    return files.stream().filter(f -> !Inputs.isStdin(f) && Files.isDirectory(f) && file.startsWith(f)).findFirst();
  }

  /** A policy declares its format first: incidents and other YAML in the folder are left out. */
  private static boolean looksLikeAPolicy(Path file) {
    try (java.io.BufferedReader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      char[] head = new char[4096];
      int read = reader.read(head);
      return read > 0 && java.util.regex.Pattern.compile("(?m)^schemaVersion:").matcher(new String(head, 0, read)).find();
    } catch (IOException e) {
      return true; // let validation report what is wrong with it
    }
  }

  private static List<Path> policiesIn(Path folder, boolean overlays) {
    try (Stream<Path> walk = Files.walk(folder, 8)) {
      // Build output (target/) and hidden folders (.git, .precept) are not the library's, as the register reads it.
      return walk.filter(Files::isRegularFile)
          .filter(p -> !dev.precept.library.TrustLibrary.leavesOut(folder, p))
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && !p.getFileName().toString().matches(".*\\.(cases|approvals|keyring)\\.ya?ml"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> OverlayCheck.isOverlay(p) ? overlays : looksLikeAPolicy(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
