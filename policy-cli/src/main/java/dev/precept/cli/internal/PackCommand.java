package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.review.BoardPack;
import dev.precept.review.LogReplay;
import dev.precept.review.ReplayedRuling;
import dev.precept.server.ReplayChange;
import dev.precept.server.ReplayReport;
import dev.precept.server.ServerAdmin;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept pack POLICY --previous OLD --out DIR}: the Board's review pack. */
@Command(name = "pack", description = "Write the review pack: the document (HTML, PDF), the changes since the previous edition, the check and the cases, with an index.",
    mixinStandardHelpOptions = true)
public final class PackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The edition put to the Board (with --academy: the trust's library folder).")
  Path policyFile;

  @Option(names = "--academy", paramLabel = "NAME", description = "The pack for an academy's policy from the library folder: its name, its folder's name, or 'all' (one folder each); "
      + "the previous edition is the academy's policy under the master edition its overlay names.")
  String academy;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "With --academy: the date whose master edition in force is used (default: today).")
  java.time.LocalDate on;

  @Option(names = "--previous", paramLabel = "OLD", description = "The last approved edition, for the change summary.")
  Path previousFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the pack into.")
  Path out;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of your own document templates, style sheet and fonts.")
  Path templates;

  @Option(names = "--log", paramLabel = "LIBRARY|URL", description = "The server's library folder (its SQLite decision log) or a "
      + "database URL: the rulings logged under the policy are re-ruled under this edition, and the pack lists those that would change.")
  String log;

  @Option(names = "--db", paramLabel = "URL", description = "The server's database (jdbc:postgresql://...), as --log's URL.")
  String db;

  @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "With --log or --db: the rulings logged from this date (default: the last year).")
  java.time.LocalDate since;

  @Override
  public Integer call() {
    if (log != null && db != null) {
      throw new UsageException("give the decision log once: --log LIBRARY or --db URL");
    }
    if (since != null && log == null && db == null) {
      throw new UsageException("--since goes with --log or --db");
    }
    if (academy != null) {
      if (log != null || db != null) {
        throw new UsageException("--log and --db do not go with --academy: replay the log against one policy at a time");
      }
      if (previousFile != null) {
        throw new UsageException("--previous does not go with --academy: the academy's previous edition comes from its overlay");
      }
      DocumentRenderer renderer = templates == null ? DocumentRenderer.standard() : DocumentRenderer.withTemplates(templates);
      java.time.LocalDate date = on == null ? java.time.LocalDate.now() : on;
      dev.precept.library.TrustLibrary library = dev.precept.library.TrustLibrary.open(policyFile);
      for (Academies.AcademyPolicy each : Academies.select(policyFile, academy, date)) {
        Policy named = each.overlay().namedEdition(library.masterEditions());
        Optional<Policy> previous = named == each.master() ? Optional.empty() : Optional.of(each.overlay().applyTo(named));
        Path cases = each.overlayFile().resolveSibling(each.overlayFile().getFileName().toString().replaceFirst("\\.overlay\\.ya?ml$", ".cases.yaml"));
        List<dev.precept.eval.PolicyCase> current = java.nio.file.Files.isRegularFile(cases)
            ? dev.precept.eval.CaseSuite.load(cases, each.policy()).cases() : List.of();
        Map<String, byte[]> files = BoardPack.of(renderer).files(each.policy(), Academies.signatureBlock(each), previous,
            current, List.of());
        Path folder = OutputFiles.folder("all".equals(academy) ? out.resolve(each.folder()) : out);
        files.forEach((name, bytes) -> OutputFiles.write(folder.resolve(name), o -> o.write(bytes), List.of(each.overlayFile())));
        spec.commandLine().getOut().println("wrote " + each.academy() + "'s review pack, " + files.size() + " files: " + folder.resolve("index.html"));
      }
      return ExitCode.OK;
    }
    if (on != null) {
      throw new UsageException("--on goes with --academy");
    }
    Policy policy = Inputs.policy(policyFile);
    Optional<Policy> previous = Optional.ofNullable(previousFile).map(Inputs::policy);
    DocumentRenderer renderer = templates == null ? DocumentRenderer.standard() : DocumentRenderer.withTemplates(templates);
    Optional<LogReplay> replay = Optional.ofNullable(log != null ? log : db).map(where -> replay(where, policy));
    Map<String, byte[]> files = BoardPack.of(renderer).files(policy, ApprovalFiles.signatureBlock(policyFile, policy), previous,
        DiffCommand.casesBeside(policyFile, policy),
        previous.map(p -> DiffCommand.casesBeside(previousFile, p)).orElse(List.of()), replay);
    List<Path> inputs = previousFile == null ? List.of(policyFile) : List.of(policyFile, previousFile);
    OutputFiles.writeAll(out, files, inputs);
    replay.ifPresent(r -> spec.commandLine().getOut().println(BoardPack.replayHeadline(r).replaceFirst(":$", ".")));
    spec.commandLine().getOut().println("wrote the review pack, " + files.size() + " files: " + out.resolve("index.html"));
    return ExitCode.OK;
  }

  /** The decision log's rulings of the period re-ruled under the policy (as {@code precept replay} does). */
  private LogReplay replay(String where, Policy policy) {
    boolean url = where.startsWith("jdbc:");
    java.time.LocalDate from = since != null ? since : java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1);
    ReplayReport report;
    try (ServerAdmin admin = ServerAdmin.open(url ? Path.of(".") : Inputs.folder(Path.of(where)), url ? Optional.of(where) : Optional.empty())) {
      report = admin.replay(policy, from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
    var out = LogReplay.builder().period(since != null ? "since " + since : "in the last year (since " + from + ")")
        .replayed(report.replayed());
    for (ReplayChange change : report.changes()) {
      out.addChanges(ReplayedRuling.builder().decisionId(change.decisionId()).recordedAt(change.recordedAt())
          .editionVersion(change.editionVersion()).differences(change.differences()).build());
    }
    return out.build();
  }

}
