package dev.precept.cli.internal;

import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.server.RosterImport;
import dev.precept.server.ServerAdmin;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept people import LIBRARY people.csv}: the roster the server knows. */
@Command(name = "people", description = "The roster of people the server knows.", mixinStandardHelpOptions = true,
    subcommands = {PeopleCommand.Import.class})
public final class PeopleCommand {
  /** {@code precept people import}. */
  @Command(name = "import", description = "Import a CSV (id,name,email,roles,academy; roles separated by ';') as the whole "
      + "roster: people already there are updated, people not in the file are marked as having left (their acknowledgements "
      + "are kept). Nothing is imported when a row is refused.", mixinStandardHelpOptions = true)
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LIBRARY", description = "The library folder the server serves.")
    Path library;

    @Parameters(index = "1", paramLabel = "CSV", description = "The roster file.")
    Path csv;

    @Option(names = "--db", paramLabel = "URL", description = "The server's database, when it is not the library's SQLite file.")
    Optional<String> db;

    @Override
    public Integer call() {
      String text = new String(PolicyLoader.readFile(Inputs.existing(csv), ReadLimits.STANDARD), StandardCharsets.UTF_8);
      RosterImport result;
      try (ServerAdmin admin = ServerAdmin.open(Inputs.folder(library), db)) {
        result = admin.importPeople(text, csv.toString());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (!result.problems().isEmpty()) {
        result.problems().forEach(p -> spec.commandLine().getErr().println(p));
        spec.commandLine().getErr().println("nothing imported: fix the rows above and import again");
        spec.commandLine().getErr().flush();
        return ExitCode.INVALID;
      }
      out.printf("roster imported: added %d, updated %d, removed %d (%d unchanged)%n", result.added(), result.updated(),
          result.removed(), result.unchanged());
      out.flush();
      result.notices().forEach(n -> spec.commandLine().getErr().println("warning: " + n));
      spec.commandLine().getErr().flush();
      return ExitCode.OK;
    }
  }
}
