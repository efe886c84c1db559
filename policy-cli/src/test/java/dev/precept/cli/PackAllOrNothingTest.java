package dev.precept.cli;

import static dev.precept.cli.PreceptTest.SEED;
import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept pack} puts the whole pack in place or nothing at all. */
class PackAllOrNothingTest {
  @Test
  void anOverwriteRefusalWritesNothing(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectory(dir.resolve("pack"));
    Path previous = Files.copy(Path.of(SEED), out.resolve("check.html"));

    PreceptTest.Run run = run("pack", SEED, "--previous", previous.toString(), "--out", out.toString());

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("would overwrite an input file"), run.err());
    assertEquals(List.of("check.html"), names(out), "nothing was written beside the input");
  }

  @Test
  void aFileThatCannotBePutInPlaceLeavesNoIndexAndNoOtherFile(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectory(dir.resolve("pack"));
    Files.createDirectory(out.resolve("document.pdf"));
    Files.writeString(out.resolve("document.pdf").resolve("keep.txt"), "mine");

    PreceptTest.Run run = run("pack", SEED, "--out", out.toString());

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("document.pdf: is in the way"), run.err());
    assertEquals(List.of("document.pdf"), names(out));
  }

  @Test
  void aPackIntoANewFolderIsWholeAndLeavesNoTemporaryFolder(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("new").resolve("pack");

    PreceptTest.Run run = run("pack", SEED, "--out", out.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(names(out).containsAll(List.of("index.html", "document.html", "document.pdf", "check.html")), names(out).toString());
    assertTrue(names(out).stream().noneMatch(n -> n.startsWith(".")), names(out).toString());
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
