package dev.precept.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.precept.model.PolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are written whole or not at all, and never over an input. */
class OutputFilesTest {
  @Test
  void refusesToOverwriteAFileItWasGivenToRead(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("policy.yaml");
    Files.writeString(input, "schemaVersion: 1\n");
    assertThrows(UsageException.class, () -> OutputFiles.write(dir.resolve("./policy.yaml"), "oops", List.of(input)));
    assertEquals("schemaVersion: 1\n", Files.readString(input));
  }

  @Test
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("document.html");
    Files.writeString(target, "the approved document");
    assertThrows(PolicyException.class, () -> OutputFiles.write(target, out -> {
      out.write("half a docu".getBytes());
      throw new IOException("disk full");
    }, List.of()));
    assertEquals("the approved document", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void replacesAnExistingFileWhole(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("document.md");
    Files.writeString(target, "old");
    OutputFiles.write(target, "new", List.of());
    assertEquals("new", Files.readString(target));
  }
}
