package dev.precept.cli.internal;

import dev.precept.model.PolicyFormatter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept fmt [--check] FILE|FOLDER|-...}: policies rewritten in the canonical layout, comments kept. */
@Command(name = "fmt", description = "Rewrite policy files in the canonical layout (keys in the schema's order, two-space"
    + " indentation, quotes only where needed, long text wrapped), keeping comments, so reviews diff cleanly. The digest"
    + " never changes. With --check nothing is written: the files not yet formatted are listed and the exit code is 1.",
    mixinStandardHelpOptions = true)
public final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy YAML files, folders of them, or - (standard input to standard output).")
  List<Path> files;

  @Option(names = "--check", description = "Only check: list the files that are not formatted and exit 1 if there are any.")
  boolean check;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but problems.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int unformatted = 0;
    for (Path file : ValidateCommand.expand(files, false)) {
      if (OverlayCheck.isOverlay(file)) {
        // Named on the command line (a folder's overlays are left out already): an overlay is not a policy to format.
        if (!quiet) {
          out.println(Inputs.name(file) + ": left as written: an academy's overlay (fmt formats policy files)");
        }
        continue;
      }
      String text = new String(Inputs.bytes(file), StandardCharsets.UTF_8);
      String formatted = PolicyFormatter.format(text, Inputs.name(file));
      if (Inputs.isStdin(file) && !check) {
        out.print(formatted);
        continue;
      }
      if (formatted.equals(text)) {
        continue;
      }
      unformatted++;
      if (check) {
        out.println(Inputs.name(file) + ": not formatted (run 'precept fmt " + Inputs.name(file) + "')");
      } else {
        OutputFiles.write(file, formatted, List.of());
        if (!quiet) {
          out.println("formatted " + file);
        }
      }
    }
    out.flush();
    return check && unformatted > 0 ? ExitCode.INVALID : ExitCode.OK;
  }
}
