package dev.precept.cli.internal;

import dev.precept.server.ApiKeyInfo;
import dev.precept.server.NewApiKey;
import dev.precept.server.Scope;
import dev.precept.server.ServerAdmin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept apikey create|list|revoke LIBRARY}: the keys the server accepts. */
@Command(name = "apikey", description = "Create, list and revoke the server's API keys.", mixinStandardHelpOptions = true,
    subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public final class ApiKeyCommand {
  /** Where the server's data is: the library folder, or a database URL. */
  static final class Data {
    @Parameters(index = "0", paramLabel = "LIBRARY", description = "The library folder the server serves.")
    Path library;

    @Option(names = "--db", paramLabel = "URL", description = "The server's database, when it is not the library's SQLite file.")
    Optional<String> db;

    ServerAdmin open() {
      return ServerAdmin.open(Inputs.folder(library), db);
    }
  }

  /** {@code precept apikey create}. */
  @Command(name = "create", description = "Create a key; prints it alone on standard output, once (only its hash is kept).",
      mixinStandardHelpOptions = true)
  static final class Create implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Data data;

    @Option(names = "--scope", required = true, paramLabel = "SCOPE", description = "rule, acknowledge, read or admin; repeat for several.")
    List<String> scopes;

    @Option(names = "--name", defaultValue = "unnamed", description = "Who or what holds the key (shown in listings and the log).")
    String name;

    @Override
    public Integer call() {
      Set<Scope> set = EnumSet.noneOf(Scope.class);
      for (String word : scopes) {
        for (String part : word.split(",")) {
          set.add(Scope.of(part).orElseThrow(() -> new UsageException("--scope '" + part + "': use rule, acknowledge, read or admin")));
        }
      }
      try (ServerAdmin admin = data.open()) {
        NewApiKey key = admin.createKey(name, set);
        spec.commandLine().getOut().println(key.key());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("created key " + key.id() + " for '" + name + "' with scopes "
            + set.stream().map(Scope::word).collect(Collectors.joining(", ")) + "; it is not shown again");
        spec.commandLine().getErr().flush();
      }
      return ExitCode.OK;
    }
  }

  /** {@code precept apikey list}. */
  @Command(name = "list", description = "List the keys (never their secrets).", mixinStandardHelpOptions = true)
  static final class ListKeys implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Data data;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (ServerAdmin admin = data.open()) {
        List<ApiKeyInfo> keys = admin.keys();
        if (keys.isEmpty()) {
          out.println("no keys: create one with precept apikey create " + data.library + " --scope rule");
        }
        for (ApiKeyInfo k : keys) {
          out.printf("%s  %-24s %-26s created %s%s%n", k.id(), k.name(), k.scopes().stream().map(Scope::word).collect(Collectors.joining(",")),
              k.created(), k.revoked().map(r -> ", REVOKED " + r).orElse(""));
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code precept apikey revoke}. */
  @Command(name = "revoke", description = "Revoke a key by its id; servers refuse it within seconds.", mixinStandardHelpOptions = true)
  static final class Revoke implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Data data;

    @Parameters(index = "1", paramLabel = "ID", description = "The key's id (from precept apikey list).")
    String id;

    @Override
    public Integer call() {
      try (ServerAdmin admin = data.open()) {
        if (!admin.revokeKey(id)) {
          throw new UsageException("no active key '" + id + "' (precept apikey list shows them)");
        }
      }
      spec.commandLine().getOut().println("revoked key " + id);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
