package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input is refused with a clear message, in bounded time and memory. The time
 * bound is a guard against hangs (speed is measured in policy-bench, not here).
 */
class HostileInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);
  private static final String MINIMAL = read("src/test/resources/minimal.yaml");

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String refused(byte[] input) {
    PolicyValidationException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(input, "hostile.yaml")));
    return e.diagnostics().stream().map(Diagnostic::describe).collect(Collectors.joining("\n"));
  }

  private static String refused(String input) {
    return refused(input.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBillionLaughsAliasBombIsRefusedBeforeAnythingExpands() {
    StringBuilder bomb = new StringBuilder("schemaVersion: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
    }
    String message = refused(bomb.toString());
    assertTrue(message.contains("hostile.yaml:2:4: error: YAML anchor '&a' is not allowed"), message);
    assertTrue(message.contains("YAML alias '*a' is not allowed"), message);
  }

  @Test
  void aHundredMegabyteFileIsRefusedWithoutBeingRead(@TempDir Path dir) throws Exception {
    Path huge = dir.resolve("huge.yaml");
    try (var out = Files.newOutputStream(huge)) {
      byte[] block = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100 * 1024; i++) {
        out.write(block);
      }
    }
    PolicyValidationException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().load(huge)));
    assertEquals(huge + ": error: file is 104,857,600 bytes, more than the 8,388,608 bytes a policy file may have (at /)"
        + System.lineSeparator() + "    hint: split the file or raise the limit if this is really one policy", e.diagnostics().get(0).describe());
  }

  @Test
  void tenThousandLevelsOfNestingAreRefused() {
    String deep = "schemaVersion: 1\nid: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    String message = refused(deep);
    assertTrue(message.contains("error: input is too large or too deeply nested"), message);
    assertTrue(message.contains("hint: a policy needs at most 64 levels of nesting"), message);
  }

  @Test
  void deepBlockNestingWithinTheSizeLimitIsRefusedToo() {
    StringBuilder yaml = new StringBuilder("schemaVersion: 1\n");
    for (int level = 0; level < 100; level++) {
      yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    yaml.append("  ".repeat(100)).append("leaf\n");
    assertTrue(refused(yaml.toString()).contains("too deeply nested"));
  }

  @Test
  void aScalarOfTwoMegabytesIsRefused() {
    String message = refused("schemaVersion: 1\nid: " + "a".repeat(2 * 1024 * 1024) + "\n");
    assertEquals("hostile.yaml:2:5: error: a value of 2,097,152 characters is longer than the 1,048,576 a policy file allows (at /id)"
        + System.lineSeparator() + "    hint: a clause's text is a paragraph, not a document", message);
  }

  @Test
  void aScalarFillingAnEightMegabyteFileIsRefusedWithItsPointerBeforeTheParserSeesIt() {
    // Before the value was cut out ahead of the YAML parser, this took 44 s and 1.1 GB.
    String yaml = MINIMAL.replace("  title: Minimal Policy", "  title: " + "x".repeat(8 * 1024 * 1024 - MINIMAL.length() - 64));
    String message = refused(yaml);
    assertTrue(message.startsWith("hostile.yaml:5:10: error: a value of 8,"), message);
    assertTrue(message.contains("characters is longer than the 1,048,576 a policy file allows (at /metadata/title)"), message);
  }

  @Test
  void aLongValueInAListIsRefusedAtItsItem() {
    String message = refused(MINIMAL.replace("memberOf: [employees]", "memberOf:\n      - " + "e".repeat(2 * 1024 * 1024)));
    assertTrue(message.contains("a value of 2,097,152 characters is longer than the 1,048,576 a policy file allows (at /roles/0/memberOf/0)"), message);
  }

  @Test
  void everyDuplicateKeyIsReportedWithWhereTheFirstOneIs() {
    String message = refused(MINIMAL.replace("  title: Minimal Policy\n", "  title: Minimal Policy\n  title: Again\n")
        .replace("    title: Board\n", "    title: Board\n    title: Board again\n"));
    assertTrue(message.contains("hostile.yaml:6:3: error: duplicate key 'title' (first at line 5) (at /metadata/title)"), message);
    assertTrue(message.matches("(?s).*:\\d+:5: error: duplicate key 'title' \\(first at line \\d+\\) \\(at /offices/0/title\\).*"), message);
  }

  @Test
  void invalidUtf8IsRefusedWithTheLineWhereItStarts() {
    byte[] text = "schemaVersion: 1\nid: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("hostile.yaml:2:8: error: file is not valid UTF-8: byte 0xE9 at offset 24 (at /)" + System.lineSeparator()
        + "    hint: save the file as UTF-8", refused(text));
  }

  @Test
  void aBinaryFileIsRefusedAsNotYaml() {
    byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
    assertEquals("hostile.yaml:1:8: error: file contains a NUL character: this looks like a binary file, not YAML (at /)", refused(gif));
  }

  @Test
  void tabsForIndentationAreRefusedWithAHint() {
    String message = refused("schemaVersion: 1\nmetadata:\n\ttitle: x\n");
    assertTrue(message.contains("YAML indents with spaces, never tabs"), message);
  }

  @Test
  void aFileHoldingOneValueOrAnEmptyValueIsToldWhatItHoldsInsteadOfAMapping() {
    assertTrue(refused("just some words\n").contains("a policy is a YAML mapping of keys to values, not a single value ('just some words')"),
        refused("just some words\n"));
    assertTrue(refused("~\n").contains("a policy is a YAML mapping of keys to values, not an empty value"), refused("~\n"));
  }

  @Test
  void aLoaderWithTighterLimitsRefusesWhatTheStandardOneReads() {
    String policy = MINIMAL;
    PolicyLoader.standard().parse(policy, "hostile.yaml");
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> PolicyLoader.withLimits(
        ReadLimits.builder().maxBytes(1_000_000).maxScalarLength(20).maxDepth(64).build()).parse(policy, "hostile.yaml"));
    assertTrue(e.diagnostics().stream().anyMatch(d -> d.message().contains("longer than the 20")), e.getMessage());
  }

  @Test
  void wrongTypesAtEveryLevelAreEachReported() {
    assertTrue(refused("- schemaVersion: 1\n").contains("a policy is a YAML mapping of keys to values, not a list"));
    String message = refused(MINIMAL
        .replace("  organisation: Example Trust", "  organisation: [Example, Trust]")
        .replace("roles:\n  - id: staff", "roles:\n  - id: 7")
        .replace("        text: Using the logo without permission.", "        text: {a: b}")
        .replace("            timing: prior", "            timing: [prior]")
        .replace("    modality: must", "    modality: true"));
    for (String expected : List.of(
        "(at /metadata/organisation)", "(at /roles/0/id)", "(at /sections/0/clauses/0/text)",
        "(at /sections/0/clauses/0/exceptions/0/timing)", "(at /consequences/0/modality)")) {
      assertTrue(message.contains(expected), expected + " missing from:\n" + message);
    }
  }

  @Test
  void unknownFieldsAreNamedWithTheAllowedOnes() {
    String message = refused(MINIMAL.replace("schemaVersion: 1\n", "schemaVersion: 1\nowner: Someone\n")
        .replace("    kind: prohibition", "    kind: prohibition\n        severity: high"));
    assertTrue(message.contains("unknown key 'owner' (at /owner)"), message);
    assertTrue(message.contains("unknown key 'severity'"), message);
  }

  @Test
  void danglingReferencesACycleAndAFutureSchemaVersionAreRefused() {
    assertTrue(refused(MINIMAL.replace("office: ceo", "office: cfo")).contains("names office 'cfo', which is not declared"));
    assertTrue(refused(MINIMAL.replace("  - id: workers\n    title: people working here\n",
        "  - id: workers\n    title: people working here\n    memberOf: [employees]\n")).contains("groups form a cycle: workers -> employees -> workers"));
    String future = refused(MINIMAL.replace("schemaVersion: 1", "schemaVersion: 99"));
    assertTrue(future.contains("schemaVersion 99 is not one this build reads"), future);
    assertTrue(future.contains("this build reads schemaVersion [1]"), future);
  }

  @Test
  void yamlTagsCannotSmuggleInTypes() {
    String message = refused("schemaVersion: 1\nid: !!java.lang.Runtime x\n");
    assertTrue(message.contains("YAML tag"), message);
  }

  @Test
  void moreThanOneDocumentInAFileIsRefused() {
    assertTrue(refused(MINIMAL + "---\nschemaVersion: 1\n").contains("more than one YAML document"));
  }
}
