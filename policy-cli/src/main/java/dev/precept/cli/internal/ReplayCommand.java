package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.server.ReplayChange;
import dev.precept.server.ReplayReport;
import dev.precept.server.ServerAdmin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precept replay --log LIBRARY|URL --policy DRAFT.yaml}: which logged rulings a draft would change. */
@Command(name = "replay", description = "Re-rule every logged incident of a policy under a draft edition and list the rulings that "
    + "would change; exit 1 when any would.", mixinStandardHelpOptions = true)
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--log", required = true, paramLabel = "LIBRARY|URL", description = "The server's library folder (its SQLite log) "
      + "or a database URL (jdbc:postgresql://...).")
  String log;

  @Option(names = "--policy", required = true, paramLabel = "DRAFT", description = "The draft edition (YAML).")
  Path draft;

  @Override
  public Integer call() {
    Policy policy = Inputs.policy(draft);
    boolean url = log.startsWith("jdbc:");
    ReplayReport report;
    try (ServerAdmin admin = ServerAdmin.open(url ? Path.of(".") : Inputs.folder(Path.of(log)), url ? Optional.of(log) : Optional.empty())) {
      report = admin.replay(policy);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Of %d logged rulings of %s, %d would change under %s version %s%s%n", report.replayed(), report.policy(),
        report.changes().size(), draft.getFileName(), report.version(), report.changes().isEmpty() ? "." : ":");
    for (ReplayChange change : report.changes()) {
      out.printf("  decision %s (%s, under %s):%n", change.decisionId(), change.recordedAt(), change.editionVersion());
      change.differences().forEach(d -> out.println("    " + d));
    }
    out.flush();
    return report.changes().isEmpty() ? ExitCode.OK : ExitCode.INVALID;
  }
}
