package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run the {@code precept} launcher records its class-data archive from: the bundled
 * example validated, ruled on (text and JSON) and rendered to HTML and PDF, in one JVM, in a
 * temporary folder that is removed afterwards. One archive then serves every common command, not
 * just the one that happened to run first.
 *
 * <p>Run as {@code java -XX:ArchiveClassesAtExit=precept.jsa -cp precept.jar
 * dev.precept.cli.internal.StartupTraining}; it prints nothing and exits 0 when every command did
 * what it does for a user, 1 otherwise (the launcher then keeps no archive).
 */
public final class StartupTraining {
  /** What the training run asks of the tool, in order, with the example's files put in for the words in capitals. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("validate", "POLICY"),
      List.of("validate", "--format", "json", "POLICY"),
      List.of("evaluate", "POLICY", "INCIDENT"),
      List.of("evaluate", "--format", "json", "POLICY", "INCIDENT"),
      List.of("render", "POLICY", "--format", "html,pdf", "--out", "OUT"));

  private StartupTraining() {}

  /** Runs the training commands; exits 1 if any of them failed. */
  public static void main(String[] args) throws IOException {
    Precept.quietLibraryLogging();
    System.exit(run() ? ExitCode.OK : ExitCode.INVALID);
  }

  /** Runs every training command in a fresh temporary folder; true when each exited 0. */
  static boolean run() throws IOException {
    // What Precept.main prepares on another thread for a command that reads a policy.
    dev.precept.model.PolicyLoader.prepare();
    Path folder = Files.createTempDirectory("precept-training");
    try {
      Path policy = folder.resolve("social-media-policy.yaml");
      Path incident = folder.resolve("incident.yaml");
      Files.write(policy, BundledExample.read(BundledExample.SEED));
      Files.write(incident, BundledExample.read(BundledExample.SHOWN_INCIDENT));
      PrintWriter sink = new PrintWriter(Writer.nullWriter());
      boolean allPassed = true;
      for (List<String> command : COMMANDS) {
        String[] words = command.stream()
            .map(word -> switch (word) {
              case "POLICY" -> policy.toString();
              case "INCIDENT" -> incident.toString();
              case "OUT" -> folder.resolve("out").toString();
              default -> word;
            })
            .toArray(String[]::new);
        allPassed &= Precept.run(sink, sink, words) == ExitCode.OK;
      }
      return allPassed;
    } finally {
      delete(folder);
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
