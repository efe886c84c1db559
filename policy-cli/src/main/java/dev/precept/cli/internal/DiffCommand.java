package dev.precept.cli.internal;

import dev.precept.cli.Precept;
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
@Command(name = "diff", description = "What changed between two editions, clause by clause, and which of their cases get a different ruling.",
    mixinStandardHelpOptions = true)
public final class DiffCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { text, json, html }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier edition (usually the last approved).")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new edition.")
  Path newFile;

  @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--library", paramLabel = "DIR", description = "For two master editions: also list, for each academy in this trust library, which clauses of its document change and whether its overlay needs attention.")
  Path library;

  @Override
  public Integer call() {
    Policy old = Inputs.policy(oldFile);
    Policy now = Inputs.policy(newFile);
    List<PolicyCase> cases = new ArrayList<>(casesBeside(newFile, now));
    cases.addAll(casesBeside(oldFile, old));
    ChangeSummary summary = PolicyDiff.between(old, now, cases);
    List<AcademyChanges.Academy> academies = library == null ? List.of() : AcademyChanges.between(library, old, now);
    String output = switch (format) {
      case text -> PolicyDiff.toText(summary) + (library == null ? "" : AcademyChanges.toText(academies));
      case json -> CliJson.write(library == null ? summary : java.util.Map.of("changes", summary, "academies", academies)) + "\n";
      case html -> BoardPack.of(DocumentRenderer.standard()).changesHtml(summary, now.metadata().title());
    };
    spec.commandLine().getOut().print(output);
    spec.commandLine().getOut().flush();
    return Precept.OK;
  }

  /** The cases kept beside a policy, or none. */
  static List<PolicyCase> casesBeside(Path policyFile, Policy policy) {
    Path cases = CaseSuite.besidePolicy(policyFile);
    return Files.isRegularFile(cases) ? CaseSuite.load(cases, policy).cases() : List.of();
  }
}
