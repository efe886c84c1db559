package dev.precept.cli.internal;

import dev.precept.library.Drafts;
import dev.precept.server.AckLink;
import dev.precept.server.ServerAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept ack-links LIBRARY --policy ID}: one signed acknowledgement link per person in scope. */
@Command(name = "ack-links", description = "Write one signed, expiring, single-use acknowledgement link per person on the roster "
    + "in scope of the edition in force, as CSV for the clerk to send.", mixinStandardHelpOptions = true)
public final class AckLinksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LIBRARY", description = "The library folder the server serves.")
  Path library;

  @Option(names = "--policy", required = true, paramLabel = "ID", description = "The policy whose edition in force is to be acknowledged.")
  String policy;

  @Option(names = "--base-url", defaultValue = "http://127.0.0.1:8080", description = "The server's address as staff reach it "
      + "(default: ${DEFAULT-VALUE}).")
  String baseUrl;

  @Option(names = "--valid", defaultValue = "30d", description = "How long the links work: 30d, 8w, 3m (default: ${DEFAULT-VALUE}).")
  String valid;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: standard output).")
  Optional<Path> out;

  @Option(names = "--db", paramLabel = "URL", description = "The server's database, when it is not the library's SQLite file.")
  Optional<String> db;

  @Option(names = "--allow-drafts", description = "Links for a draft in force (as the server's --allow-drafts).")
  boolean allowDrafts;

  static String csv(String field) {
    return field.matches("[^,\"\\r\\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
  }

  @Override
  public Integer call() {
    var period = DueCommand.period(valid);
    Duration duration = Duration.ofDays(period.toTotalMonths() * 31 + period.getDays());
    if (duration.isZero() || duration.isNegative()) {
      throw new UsageException("--valid " + valid + " must be longer than a day");
    }
    List<AckLink> links;
    try (ServerAdmin admin = ServerAdmin.open(Inputs.folder(library), db)) {
      links = admin.ackLinks(policy, baseUrl, duration, allowDrafts ? Drafts.ALLOWED : Drafts.REFUSED);
    }
    StringBuilder text = new StringBuilder("person,name,email,roles,policy,version,expires,link\n");
    for (AckLink l : links) {
      text.append(String.join(",", csv(l.person()), csv(l.name()), csv(l.email()), csv(String.join(";", l.roles())), csv(l.policy()),
          csv(l.version()), l.expires().toString(), csv(l.url()))).append('\n');
    }
    if (out.isPresent()) {
      OutputFiles.writePrivate(out.get(), text.toString());
      spec.commandLine().getErr().println(links.size() + " links written to " + out.get());
      spec.commandLine().getErr().flush();
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}
