package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.testkit.PolicyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code precept fmt}'s layout never changes what a policy says, keeps comments, and is stable. */
class PolicyFormatterTest {
  private static void formatsWithoutChangingTheDigest(String yaml, String source) {
    String formatted = PolicyFormatter.format(yaml, source);
    assertEquals(PolicyDigest.of(PolicyLoader.standard().parse(yaml, source)),
        PolicyDigest.of(PolicyLoader.standard().parse(formatted, source)), source);
    assertEquals(formatted, PolicyFormatter.format(formatted, source), source + ": formatting twice changes nothing");
  }

  @Test
  void everyExampleKeepsItsDigestAndItsComments() throws Exception {
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("../examples/connect-academy-trust"))) {
      examples = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".cases.yaml")).sorted().toList();
    }
    assertTrue(examples.size() >= 2, "the examples");
    for (Path example : examples) {
      String yaml = Files.readString(example, StandardCharsets.UTF_8);
      formatsWithoutChangingTheDigest(yaml, example.toString());
      String formatted = PolicyFormatter.format(yaml, example.toString());
      yaml.lines().filter(l -> l.strip().startsWith("# ")).forEach(comment ->
          assertTrue(formatted.contains(comment.strip()), example + " lost the comment: " + comment));
    }
  }

  @Test
  void generatedPoliciesKeepTheirDigest() {
    for (long seed = 1; seed <= 12; seed++) {
      formatsWithoutChangingTheDigest(PolicyYaml.write(PolicyGenerator.generate(seed, 20)), "generated-" + seed + ".yaml");
    }
  }

  @Test
  void keysFollowTheSchemasOrderAndQuotesOnlyWhereNeeded() {
    String yaml = Files.exists(Path.of("../policy-model/src/test/resources/minimal.yaml")) ? read("../policy-model/src/test/resources/minimal.yaml") : "";
    String shuffled = yaml.replace("  title: Minimal Policy\n  version: \"1\"\n", "  version: '1'\n  title: 'Minimal Policy'\n");
    String formatted = PolicyFormatter.format(shuffled, "minimal.yaml");
    assertTrue(formatted.contains("  title: Minimal Policy\n  version: \"1\"\n"), formatted);
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
