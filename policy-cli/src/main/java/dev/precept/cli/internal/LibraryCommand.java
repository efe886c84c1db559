package dev.precept.cli.internal;

import dev.precept.library.RegisterPage;
import dev.precept.library.TrustLibrary;
import dev.precept.library.TrustRegister;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept library DIR}: the register of a trust's policies, for the trust and each academy. */
@Command(name = "library", description = "The register of a trust's policy library: for every policy and every academy, the edition in force, "
    + "status, who approved it and when, the next review, and how far each academy deviates from the master. "
    + "Exit 1 when a review is overdue or an overlay no longer applies.",
    mixinStandardHelpOptions = true)
public final class LibraryCommand implements Callable<Integer> {
  /** Register formats. */
  public enum Format { text, json, html }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The trust's library folder (policies/ and academies/).")
  Path folder;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "The date of the register (default: today).")
  LocalDate on;

  @Option(names = "--within", defaultValue = "60d", description = "Reviews falling due within this time are marked due: 60d, 8w, 3m, 1y (default: ${DEFAULT-VALUE}).")
  String within;

  @Option(names = "--format", defaultValue = "text", description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the register to this file instead of the terminal.")
  Path out;

  @Override
  public Integer call() {
    if (!java.nio.file.Files.isDirectory(folder)) {
      throw new UsageException(folder + ": no such folder");
    }
    TrustRegister register = TrustLibrary.open(folder).register(on == null ? LocalDate.now() : on, DueCommand.period(within));
    String text = switch (format) {
      case text -> RegisterPage.text(register);
      case json -> CliJson.write(register) + "\n";
      case html -> RegisterPage.html(register);
    };
    PrintWriter printer = spec.commandLine().getOut();
    if (out == null) {
      printer.print(text);
    } else {
      OutputFiles.write(out, text, List.of());
      printer.println("wrote " + out);
    }
    printer.flush();
    return register.needsAction() ? ExitCode.INVALID : ExitCode.OK;
  }
}
