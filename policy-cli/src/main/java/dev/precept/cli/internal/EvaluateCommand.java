package dev.precept.cli.internal;

import dev.precept.eval.BatchRulings;
import dev.precept.eval.BatchSummary;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Ruling;
import dev.precept.eval.Rulings;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code precept evaluate POLICY INCIDENT}: the ruling on one incident; with a {@code .jsonl} file
 * or {@code --jsonl FILE|-}, a ruling line for every incident line.
 */
@Command(name = "evaluate", description = {"Rule on an incident (YAML or JSON) under a policy.",
    "Given JSON Lines (a .jsonl file, or --jsonl FILE, or --jsonl - for standard input), rule on every line on "
        + "every core and print one ruling JSON a line, in input order; a bad line is reported on standard error "
        + "with its line number and the rest go on (exit 1 if any line failed)."},
    mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file (- for standard input), or a folder of editions: then the "
      + "edition in force on the incident's date rules.")
  Path policyFile;

  @Parameters(index = "1", arity = "0..1", paramLabel = "INCIDENT",
      description = "The incident, as YAML or JSON; a .jsonl file holds one incident a line; - for standard input.")
  Path incidentFile;

  @Option(names = "--jsonl", paramLabel = "FILE",
      description = "Incidents as JSON Lines, one a line; - reads standard input.")
  String jsonl;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for JSON Lines (default: one per processor).")
  Integer threads;

  @Option(names = "--format", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}); JSON Lines always give JSON.")
  OutputFormat format;

  @Option(names = "--policy", paramLabel = "ID", description = "With a folder holding several policies: which one.")
  java.util.Optional<String> policyId;

  @Option(names = "--allow-drafts", description = "With a folder: a draft may be the edition in force (the ruling says so).")
  boolean allowDrafts;

  @Override
  public Integer call() {
    if (jsonl != null && incidentFile != null) {
      throw new UsageException("give the incidents either as INCIDENT or with --jsonl, not both");
    }
    if (jsonl == null && incidentFile == null) {
      throw new UsageException("give an INCIDENT file, or --jsonl FILE (- for standard input)");
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads must be at least 1, not " + threads);
    }
    if (java.nio.file.Files.isDirectory(policyFile) && incidentFile != null) {
      FolderEvaluation.Result result = FolderEvaluation.rule(policyFile, incidentFile, policyId,
          allowDrafts ? dev.precept.library.Drafts.ALLOWED : dev.precept.library.Drafts.REFUSED);
      spec.commandLine().getOut().print(format == OutputFormat.json ? FolderEvaluation.json(result) : FolderEvaluation.text(result));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    if (jsonl != null || incidentFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      return batch(jsonl != null ? jsonl : incidentFile.toString());
    }
    Inputs.existing(incidentFile);
    if (Inputs.isStdin(policyFile) && Inputs.isStdin(incidentFile)) {
      throw new UsageException("only one of POLICY and INCIDENT can be read from standard input ('-')");
    }
    Policy policy = Inputs.policy(policyFile);
    Incident incident = Inputs.incident(incidentFile, policy);
    Ruling ruling = Evaluator.of(policy).rule(incident);
    spec.commandLine().getOut().print(format == OutputFormat.json ? Rulings.toJson(ruling) : Rulings.toText(ruling, policy));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private int batch(String input) {
    boolean stdin = input.equals("-");
    if (!stdin) {
      Inputs.existing(Path.of(input));
    }
    Policy policy = Inputs.policy(policyFile);
    BatchRulings batch = BatchRulings.of(Evaluator.of(policy)).withSource(stdin ? "<stdin>" : input);
    if (threads != null) {
      batch = batch.withThreads(threads);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine progress = ProgressLine.besideOutput(err);
    batch = batch.withProgress(sofar -> progress.show(() -> String.format(Locale.ROOT,
        "precept: %,d incidents ruled on%s", sofar.ruled(), sofar.failed() == 0 ? "" : String.format(Locale.ROOT, ", %,d could not be", sofar.failed()))));
    BatchSummary summary;
    try (progress; InputStream in = stdin ? nonClosing(System.in) : Files.newInputStream(Path.of(input));
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      PrintWriter out = spec.commandLine().getOut();
      summary = out instanceof StandardOutput stdout
          ? batch.ruleAll(reader, stdout.bytes(), error -> problem(progress, err, error.describe()))
          : batch.ruleAll(reader, out, error -> problem(progress, err, error.describe()));
    } catch (dev.precept.eval.RulingsNotWritten e) {
      if (e.closedByReader()) {
        // Whoever read the rulings has all they wanted (`| head`): stop quietly, as Unix tools do.
        return ExitCode.OK;
      }
      throw new PolicyException("the rulings could not all be written (" + e.getCause().getMessage()
          + "); the lines written are whole, and the rest were not ruled on");
    } catch (UncheckedIOException e) {
      throw unreadable(input, e.getCause());
    } catch (IOException e) {
      throw unreadable(input, e);
    }
    if (summary.failed() > 0) {
      err.printf(Locale.ROOT, "precept: %d of %d incidents could not be ruled on%n", summary.failed(),
          summary.failed() + summary.ruled());
      return ExitCode.INVALID;
    }
    return ExitCode.OK;
  }

  /** A line's problem on a line of its own, never after a progress line. */
  private static void problem(ProgressLine progress, PrintWriter err, String described) {
    progress.close();
    err.println(described);
  }

  private static PolicyException unreadable(String input, IOException e) {
    String name = input.equals("-") ? "standard input" : input;
    if (e instanceof CharacterCodingException) {
      return new PolicyException(name + ": not UTF-8 text; the lines before the first bad byte were ruled on");
    }
    return new PolicyException(name + ": could not be read to the end ("
        + (e.getMessage() == null ? "read error" : e.getMessage()) + ")");
  }

  private static InputStream nonClosing(InputStream in) {
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() { }
    };
  }
}
