package dev.precept.cli.internal;

import dev.precept.server.LogVerification;
import dev.precept.server.ServerAdmin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept log verify LIBRARY}: checks the decision log's hash chain. */
@Command(name = "log", description = "Check the server's decision log.", mixinStandardHelpOptions = true,
    subcommands = {LogCommand.Verify.class})
public final class LogCommand {
  /** {@code precept log verify}. */
  @Command(name = "verify", description = "Check that no decision record was edited, reordered or deleted; exit 1 naming the first broken one.",
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LIBRARY", description = "The library folder (its .precept/precept.db); "
        + "not needed with --db.")
    Path library;

    @Option(names = "--db", paramLabel = "URL", description = "The server's database (jdbc:postgresql://...).")
    Optional<String> db;

    @Override
    public Integer call() {
      if (library == null && db.isEmpty()) {
        throw new UsageException("give the LIBRARY folder or --db URL");
      }
      LogVerification check;
      try (ServerAdmin admin = ServerAdmin.open(Inputs.folder(library == null ? Path.of(".") : library), db)) {
        check = admin.verifyLog();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (check.intact()) {
        out.println("decision log intact: " + check.records() + " records, each chained to the one before");
      } else {
        out.println("decision log BROKEN at record " + check.firstBroken().orElseThrow() + ": " + check.problem().orElseThrow());
      }
      out.flush();
      return check.intact() ? ExitCode.OK : ExitCode.INVALID;
    }
  }
}
