package dev.precept.cli.internal;

import dev.precept.library.Drafts;
import dev.precept.server.PersonalData;
import dev.precept.server.PreceptServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept serve LIBRARY}: the Precept server over a library folder. */
@Command(name = "serve", description = "Serve rulings, the decision log, acknowledgements and staff pages for a library folder.",
    mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LIBRARY", description = "The folder of policies (as precept due reads it).")
  Path library;

  @Option(names = "--port", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}; "
      + "0.0.0.0 for every interface, behind a TLS proxy).")
  String host;

  @Option(names = "--db", paramLabel = "URL", description = "A JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=...); "
      + "by default an SQLite file in LIBRARY/.precept.")
  Optional<String> db;

  @Option(names = "--public-origin", paramLabel = "URL", description = "The address Board members' browsers use for this server "
      + "(https://board.example.org): its host is the passkeys' relying party (default: http://localhost:PORT).")
  Optional<String> publicOrigin;

  @Option(names = "--allow-drafts", description = "Let a draft be in force when no approved edition is (every ruling says so).")
  boolean allowDrafts;

  @Option(names = "--personal-data", defaultValue = "redacted", description = "How the decision log keeps personal data: "
      + "redacted (keyed hashes, the default) or clear.")
  String personalData;

  @Option(names = "--personal-data-key", paramLabel = "FILE", description = "The key personal data is hashed under "
      + "(default: LIBRARY/.precept/personal-data.key, made on first start; give every instance the same one).")
  Optional<Path> personalDataKey;

  @Option(names = "--time-zone", paramLabel = "ZONE", description = "The trust's time zone (Europe/London), in which an "
      + "edition comes into force at midnight and Board decisions are dated (default: this machine's zone).")
  String timeZone;

  @Override
  public Integer call() throws InterruptedException {
    PersonalData mode = switch (personalData) {
      case "redacted" -> PersonalData.REDACTED;
      case "clear" -> PersonalData.CLEAR;
      default -> throw new UsageException("--personal-data '" + personalData + "': use redacted or clear");
    };
    if (port < 0 || port > 65535) {
      throw new UsageException("--port " + port + " is not a port (0 to 65535)");
    }
    java.time.ZoneId zone;
    try {
      zone = timeZone == null ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(timeZone.strip());
    } catch (java.time.DateTimeException e) {
      throw new UsageException("--time-zone '" + timeZone + "' is not a time zone: give a region such as Europe/London");
    }
    PreceptServer.Builder builder = PreceptServer.builder().library(Inputs.folder(library)).host(host).port(port)
        .drafts(allowDrafts ? Drafts.ALLOWED : Drafts.REFUSED).personalData(mode).timeZone(zone);
    db.ifPresent(builder::database);
    personalDataKey.ifPresent(builder::personalDataKey);
    publicOrigin.ifPresent(builder::publicOrigin);
    PreceptServer server = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "precept-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Precept server listening on " + server.uri() + " for " + library
        + (allowDrafts ? " (drafts allowed)" : "") + ", dates in " + zone + "; stop it with Ctrl-C");
    out.flush();
    server.awaitStop();
    return ExitCode.OK;
  }
}
