package dev.precept.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher keeps a class-data archive only when the training run succeeds: every training
 * command must still do its work (a renamed option would otherwise silently cost every user the
 * archive), and the run must leave nothing behind.
 */
class StartupTrainingTest {
  @Test
  void everyTrainingCommandSucceedsAndItsFolderIsRemoved() throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = trainingFolders(temp);

    assertTrue(StartupTraining.run(), "each of " + StartupTraining.COMMANDS + " exits 0");

    assertEquals(before, trainingFolders(temp), "the training folder is removed");
  }

  @Test
  void theTrainingCoversValidationRulingsAndThePdf() {
    List<String> commands = StartupTraining.COMMANDS.stream().map(words -> String.join(" ", words)).toList();
    assertTrue(commands.contains("validate POLICY"), commands.toString());
    assertTrue(commands.contains("evaluate POLICY INCIDENT"), commands.toString());
    assertTrue(commands.stream().anyMatch(c -> c.startsWith("render") && c.contains("pdf")), commands.toString());
  }

  private static List<Path> trainingFolders(Path temp) throws IOException {
    try (Stream<Path> list = Files.list(temp)) {
      return list.filter(p -> p.getFileName().toString().startsWith("precept-training")).sorted().toList();
    }
  }
}
