package dev.precept.cli;

import dev.precept.cli.internal.ExitCode;
import dev.precept.cli.internal.UsageException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept import}: the skeleton written, the report printed, nothing written on failure. */
class ImportCommandTest {
  static final String SOURCE = "../examples/connect-academy-trust/source/connect-academy-trust-social-media-policy-2016.txt";

  @Test
  void importWritesAValidSkeletonAndPrintsWhatIsLeftToDo(@TempDir Path folder) {
    Path out = folder.resolve("social-media-policy.yaml");
    PreceptTest.Run run = PreceptTest.run("import", SOURCE, "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("wrote " + out + ": 4 sections, "), run.out());
    assertTrue(run.out().contains("Roles mentioned in the text and not declared"), run.out());
    assertTrue(run.out().contains("without prior written or verbal permission from the CEO"), run.out());
    assertEquals("Social Media Policy", PolicyLoader.standard().load(out).metadata().title());
    assertEquals(0, PreceptTest.run("validate", out.toString()).code());
  }

  @Test
  void importWritesTheSchemaBesideTheSkeletonForTheEditorItsModelinePointsAt(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("social-media-policy.yaml");
    PreceptTest.Run run = PreceptTest.run("import", SOURCE, "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(Files.readString(out).contains("# yaml-language-server: $schema=./policy.schema.json\n"));
    assertTrue(Files.readString(folder.resolve("policy.schema.json")).contains("\"$schema\""));
    assertTrue(run.out().contains("wrote " + folder.resolve("policy.schema.json")), run.out());
    Files.writeString(folder.resolve("policy.schema.json"), "the clerk's own copy");
    assertEquals(0, PreceptTest.run("import", SOURCE, "--out", folder.resolve("second.yaml").toString()).code());
    assertEquals("the clerk's own copy", Files.readString(folder.resolve("policy.schema.json")), "an existing schema is left alone");
  }

  @Test
  void importRefusesToReplaceAnExistingPolicyWithoutForce(@TempDir Path folder) throws Exception {
    Path out = folder.resolve("policy.yaml");
    Files.writeString(out, "the clerk's work");
    PreceptTest.Run run = PreceptTest.run("import", SOURCE, "--out", out.toString());
    assertEquals(ExitCode.USAGE, run.code());
    assertTrue(run.err().contains("already exists"), run.err());
    assertEquals("the clerk's work", Files.readString(out));
    assertEquals(0, PreceptTest.run("import", SOURCE, "--out", out.toString(), "--force").code());
  }

  @Test
  void aDamagedDocumentIsAClearErrorAndNothingIsWritten(@TempDir Path folder) throws Exception {
    Path docx = folder.resolve("policy.docx");
    Files.write(docx, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
    Path out = folder.resolve("policy.yaml");
    PreceptTest.Run run = PreceptTest.run("import", docx.toString(), "--out", out.toString());
    assertEquals(ExitCode.INVALID, run.code());
    assertTrue(run.err().startsWith("precept: " + docx + ": is damaged or not a Word document"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(1, files.count(), "only the input is in the folder");
    }
  }
}
