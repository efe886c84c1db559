package dev.precept.cli;

import static dev.precept.cli.PreceptTest.SEED;
import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precept.cli.PreceptTest.Run;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The everyday commands as a governance clerk meets them: init, fmt, schema, validate on folders and stdin. */
class ClerkCommandsTest {
  @Test
  void schemaPrintsEachFormatsSchema() throws Exception {
    for (String kind : List.of("policy", "incident", "cases", "approvals", "keyring")) {
      Run run = run("schema", "--for", kind);
      assertEquals(0, run.code(), kind + ": " + run.err());
      JsonNode schema = new ObjectMapper().readTree(run.out());
      assertTrue(schema.path("$id").asText().endsWith(kind + ".schema.json"), kind + ": " + schema.path("$id"));
    }
    assertEquals(2, run("schema", "--for", "novel").code());
  }

  @Test
  void theIncidentReferenceInTheDocsIsGeneratedFromItsSchema() throws Exception {
    Run run = run("schema", "--for", "incident", "--format", "markdown");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("| `roles` | yes |"), run.out());
    Path golden = Path.of("../docs/incident-reference.md");
    if (Boolean.getBoolean("precept.golden.update")) {
      Files.writeString(golden, run.out());
    }
    assertEquals(Files.readString(golden), run.out(), "run with -Dprecept.golden.update=true to regenerate " + golden);
  }

  @Test
  void formatWordsAreTheSameInAnyCase() {
    assertEquals(0, run("schema", "--format", "MARKDOWN").code());
    assertEquals(0, run("validate", "--format", "JSON", SEED).code());
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    for (Class<?> command : Precept.class.getAnnotation(CommandLine.Command.class).subcommands()) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      Run run = run(name.equals("help") ? "help" : name, "--help");
      assertEquals(0, run.code(), name);
      assertTrue(run.out().contains("Example:\n  precept "), name + " --help has no example:\n" + run.out());
    }
    assertTrue(run("--help").out().contains("Example:\n  precept init"));
  }

  @Test
  void initWritesAStarterPolicyThatValidatesWithItsSchemasBeside(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("my-policy");
    Run run = run("init", folder.toString());
    assertEquals(0, run.code(), run.err());
    for (String file : List.of("policy.yaml", "incident.yaml", "policy.schema.json", "incident.schema.json", "cases.schema.json")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    String policy = Files.readString(folder.resolve("policy.yaml"));
    assertTrue(policy.startsWith("# yaml-language-server: $schema=./policy.schema.json\n"), policy);
    assertTrue(Files.readString(folder.resolve("incident.yaml")).startsWith("# yaml-language-server: $schema=./incident.schema.json\n"));
    assertEquals(run("schema").out(), Files.readString(folder.resolve("policy.schema.json")));
    assertEquals(0, run("validate", folder.resolve("policy.yaml").toString()).code());
    Run evaluate = run("evaluate", folder.resolve("policy.yaml").toString(), folder.resolve("incident.yaml").toString());
    assertEquals(0, evaluate.code(), evaluate.err());
    assertEquals(0, run("fmt", "--check", folder.resolve("policy.yaml").toString()).code(), "the starter is formatted");
  }

  @Test
  void initNeverOverwritesAFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("policy.yaml"), "mine\n");
    Run run = run("init", dir.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("already exists"), run.err());
    assertEquals("mine\n", Files.readString(dir.resolve("policy.yaml")));
    assertFalse(Files.exists(dir.resolve("policy.schema.json")), "nothing is written when anything would be overwritten");
  }

  @Test
  void validateAcceptsAFolderAndLeavesOutCasesApprovalsAndKeyrings() {
    Run run = run("validate", "../examples/connect-academy-trust");
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(2, run.out().lines().filter(l -> l.contains(": valid:")).count(), run.out());
    assertFalse(run.out().contains("cases"), run.out());
  }

  @Test
  void validateOfAFolderLeavesOutBuildOutputAndHiddenFoldersAsTheRegisterDoes(@TempDir Path dir) throws Exception {
    String seed = Files.readString(Path.of(SEED));
    Files.writeString(dir.resolve("policy.yaml"), seed);
    for (String skipped : List.of("target", ".git", ".precept")) {
      Files.createDirectories(dir.resolve(skipped));
      Files.writeString(dir.resolve(skipped).resolve("old-copy.yaml"), "schemaVersion: 1\nid: [broken\n");
    }
    Run run = run("validate", dir.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(1, run.out().lines().filter(l -> l.contains(": valid:")).count(), run.out());
    assertFalse(run.out().contains("old-copy"), run.out());
  }

  @Test
  void validateReadsStandardInputForDash() throws Exception {
    String seed = Files.readString(Path.of(SEED));
    dev.precept.cli.internal.TestHooks.stdin(new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)));
    try {
      Run run = run("validate", "-");
      assertEquals(0, run.code(), run.out() + run.err());
      assertTrue(run.out().startsWith("<stdin>: valid: Social Media Policy"), run.out());
    } finally {
      dev.precept.cli.internal.TestHooks.stdin(System.in);
    }
  }

  @Test
  void quietValidatePrintsNothingWhenAllIsWellAndProblemsWhenNot() {
    Run ok = run("validate", "--quiet", SEED);
    assertEquals(0, ok.code());
    assertEquals("", ok.out());
    Run broken = run("validate", "-q", PreceptTest.BROKEN);
    assertEquals(1, broken.code());
    assertTrue(broken.out().contains("error:"), broken.out());
  }

  @Test
  void fmtCheckFailsOnAnUnformattedPolicyAndFmtFixesItKeepingCommentsAndDigest(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("policy.yaml");
    String messy = Files.readString(Path.of(SEED)).replace("  version: \"2016.1\"", "  version: '2016.1'")
        .replace("schemaVersion: 1\n", "schemaVersion: 1\n# the trust's own note\n");
    Files.writeString(policy, messy);
    String before = PolicyDigest.of(PolicyLoader.standard().load(policy)).toString();
    Run check = run("fmt", "--check", policy.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("not formatted"), check.out());
    assertEquals(messy, Files.readString(policy), "--check writes nothing");
    Run fmt = run("fmt", policy.toString());
    assertEquals(0, fmt.code(), fmt.err());
    String tidy = Files.readString(policy);
    assertTrue(tidy.contains("# the trust's own note"), "comments are kept");
    assertTrue(tidy.contains("  version: \"2016.1\"\n"), "text that reads as a number keeps double quotes");
    assertEquals(before, PolicyDigest.of(PolicyLoader.standard().load(policy)).toString());
    assertEquals(0, run("fmt", "--check", policy.toString()).code());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(policy), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void fmtRefusesAnInvalidPolicyAndLeavesItAlone(@TempDir Path dir) throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, "schemaVersion: 1\nid: Bad Id\n");
    Run run = run("fmt", policy.toString());
    assertEquals(1, run.code());
    assertEquals("schemaVersion: 1\nid: Bad Id\n", Files.readString(policy));
  }
}
