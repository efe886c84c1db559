package dev.precept.cli.internal;

import dev.precept.eval.CaseSuite;
import dev.precept.eval.PolicyCase;
import dev.precept.model.Policy;
import dev.precept.review.BoardPack;
import dev.precept.review.ChangeSummary;
import dev.precept.render.DocumentRenderer;
import dev.precept.review.PolicyDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept diff OLD NEW}: what changed between two editions, and which rulings change. */
@Command(name = "diff", description = "What changed between two editions, paragraph by paragraph, and which of their cases get a different ruling.",
    mixinStandardHelpOptions = true,
    footer = {"", "Example:", "  precept diff social-media-policy.yaml social-media-policy-2017.yaml --format pdf --out changes.pdf"})
public final class DiffCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { text, json, html, pdf }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier edition (usually the last approved).")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new edition.")
  Path newFile;

  @Option(names = "--format", defaultValue = "text", description = "text, json, html or pdf (default: ${DEFAULT-VALUE}); pdf needs --out.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (replaced whole) instead of printing.")
  Path out;

  @Option(names = "--library", paramLabel = "DIR", description = "For two master editions: also list, for each academy in this trust library, which clauses of its document change and whether its overlay needs attention.")
  Path library;

  @Override
  public Integer call() {
    Policy old = Inputs.policy(oldFile);
    Policy now = Inputs.policy(newFile);
    List<PolicyCase> cases = new ArrayList<>(casesBeside(newFile, now));
    cases.addAll(casesBeside(oldFile, old));
    if (format == Format.pdf && out == null) {
      throw new UsageException("--format pdf writes a file: give it with --out FILE (e.g. --out changes.pdf)");
    }
    ChangeSummary summary = PolicyDiff.between(old, now, cases);
    List<AcademyChanges.Academy> academies = library == null ? List.of() : AcademyChanges.between(library, old, now);
    BoardPack pack = BoardPack.of(DocumentRenderer.standard());
    if (format == Format.pdf) {
      OutputFiles.write(out, o -> pack.changesPdf(summary, now.metadata().title(), now.metadata().dates().drafted(), o),
          List.of(oldFile, newFile));
      spec.commandLine().getOut().println("wrote " + out);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    String output = switch (format) {
      case text -> PolicyDiff.toText(summary) + (library == null ? "" : AcademyChanges.toText(academies));
      case json -> CliJson.write(library == null ? summary : java.util.Map.of("changes", summary, "academies", academies)) + "\n";
      case html -> pack.changesHtml(summary, now.metadata().title());
      case pdf -> throw new IllegalStateException("written above");
    };
    if (out != null) {
      OutputFiles.write(out, output, List.of(oldFile, newFile));
      spec.commandLine().getOut().println("wrote " + out);
    } else {
      spec.commandLine().getOut().print(output);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** The cases kept beside a policy, or none. */
  static List<PolicyCase> casesBeside(Path policyFile, Policy policy) {
    Path cases = CaseSuite.besidePolicy(policyFile);
    return Files.isRegularFile(cases) ? CaseSuite.load(cases, policy).cases() : List.of();
  }
}
