package dev.precept.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code precept init [FOLDER]}: a starter policy and incident with the schemas beside them, so
 * an editor with the YAML language server completes and checks the files wherever they are kept.
 */
@Command(name = "init", description = "Write a starter policy (policy.yaml), an example incident (incident.yaml) and the"
    + " schemas they point their editors at (policy.schema.json, incident.schema.json, cases.schema.json) into a folder."
    + " Existing files are never overwritten.",
    mixinStandardHelpOptions = true)
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "FOLDER", description = "Where to write (default: the current folder).")
  Path folder;

  @Override
  public Integer call() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("policy.yaml", resource("starter-policy.yaml"));
    files.put("incident.yaml", resource("starter-incident.yaml"));
    for (SchemaCommand.Kind kind : List.of(SchemaCommand.Kind.policy, SchemaCommand.Kind.incident, SchemaCommand.Kind.cases)) {
      files.put(kind.fileName(), kind.text());
    }
    Path target = OutputFiles.folder(folder);
    for (String name : files.keySet()) {
      if (Files.exists(target.resolve(name))) {
        throw new UsageException(target.resolve(name) + ": already exists; 'precept init' never overwrites a file");
      }
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      OutputFiles.write(target.resolve(file.getKey()), file.getValue(), List.of());
      spec.commandLine().getOut().println("wrote " + target.resolve(file.getKey()));
    }
    spec.commandLine().getOut().println("next: edit policy.yaml, then run 'precept validate " + target.resolve("policy.yaml") + "'");
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private static String resource(String name) {
    try (InputStream in = InitCommand.class.getResourceAsStream("/dev/precept/cli/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
