package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precept.model.PolicySchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as governance staff and CI pipelines use it: output and exit codes. */
class PreceptTest {
  static final String SEED = "../examples/connect-academy-trust/social-media-policy.yaml";
  static final String BROKEN = "../policy-model/src/test/resources/broken/dangling-references.yaml";

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Precept.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void validateExitsZeroAndNamesTheDigestForAValidPolicy() {
    Run run = run("validate", SEED);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("valid: Social Media Policy, version 2016.1 (sha256:"), run.out());
  }

  @Test
  void validateExitsOneAndListsEveryProblemWithItsLocation() {
    Run run = run("validate", BROKEN, SEED);
    assertEquals(1, run.code());
    assertTrue(run.out().contains("dangling-references.yaml:55:13: error: exception 'rules.logo.permission' names office 'cfo'"), run.out());
    assertTrue(run.out().contains("hint: did you mean 'ceo'?"), run.out());
    assertTrue(run.out().endsWith("4 problems in 1 of 2 files\n"), run.out());
    assertEquals("", run.err(), "a user's mistake is not a crash");
  }

  @Test
  void validateAsJsonGivesEachFilesProblemsWithPointers() throws Exception {
    Run run = run("validate", "--format", "json", BROKEN);
    assertEquals(1, run.code());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(false, json.get("valid").asBoolean());
    JsonNode problem = json.get("files").get(0).get("problems").get(2);
    assertEquals("/sections/0/clauses/0/exceptions/0/office", problem.get("pointer").asText());
    assertEquals(55, problem.get("line").asInt());
    assertEquals(13, problem.get("column").asInt());
  }

  @Test
  void validateExitsTwoForAMissingFile() {
    Run run = run("validate", "no-such-policy.yaml");
    assertEquals(2, run.code());
    assertEquals("precept: no-such-policy.yaml: no such file\n", run.err());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, run("validate", "--colour", SEED).code());
    assertEquals(2, run("validate").code());
  }

  @Test
  void aBinaryFileIsRefusedWithAClearMessageNotAStackTrace(@TempDir Path dir) throws Exception {
    Path binary = dir.resolve("logo.yaml");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff});
    Run run = run("validate", binary.toString());
    assertEquals(1, run.code());
    assertTrue(run.out().contains("error: file is not valid UTF-8: byte 0x89 at offset 0"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void schemaPrintsTheShippedSchema() {
    Run run = run("schema");
    assertEquals(0, run.code());
    assertEquals(PolicySchema.text(), run.out());
    assertTrue(run.out().contains("\"$id\": \"" + PolicySchema.ID + "\""));
  }

  @Test
  void demoValidatesTheBundledExampleAndSaysWhatItDid() {
    Run run = run("demo");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("valid."), run.out());
    assertTrue(run.out().contains("23 clauses, 7 roles in 5 groups, 5 offices, 7 consequences (3 must, 4 may)"), run.out());
  }
}
