package dev.precept.cli.internal;

import dev.precept.importer.ImportedPolicy;
import dev.precept.importer.PolicyImporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept import FILE --out POLICY.yaml}: a first YAML skeleton of an existing policy. */
@Command(name = "import", description = "Read an existing policy (.docx, .md or .txt) and write a first YAML skeleton"
    + " of it for review, with a report of what is left to do.", mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The existing policy: a Word .docx, Markdown .md or plain .txt file.")
  Path source;

  @Option(names = "--out", required = true, paramLabel = "POLICY.yaml", description = "The YAML file to write.")
  Path out;

  @Option(names = "--force", description = "Replace POLICY.yaml if it already exists.")
  boolean force;

  @Override
  public Integer call() {
    Inputs.existing(source);
    if (Files.exists(out) && !force) {
      throw new UsageException(out + ": already exists; an import would replace it (and any work done in it):"
          + " choose another name, or add --force");
    }
    ImportedPolicy imported = PolicyImporter.standard().read(source);
    Path folder = out.toAbsolutePath().getParent();
    if (folder != null) {
      OutputFiles.folder(folder);
    }
    OutputFiles.write(out, imported.yaml(), List.of(source));
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("wrote " + out + ": " + imported.policy().sections().size() + " sections, "
        + imported.policy().allClauses().size() + " clauses, each kind a guess marked '# review:'");
    // The skeleton's modeline points the editor at ./policy.schema.json: put it there, never over one already there.
    Path schema = out.toAbsolutePath().resolveSibling(SchemaCommand.Kind.policy.fileName());
    if (!Files.exists(schema)) {
      OutputFiles.write(schema, SchemaCommand.Kind.policy.text(), List.of(source));
      printer.println("wrote " + out.resolveSibling(SchemaCommand.Kind.policy.fileName())
          + ": the schema your editor reads for completion and checks as you type");
    }
    imported.report().lines().forEach(printer::println);
    return ExitCode.OK;
  }
}
