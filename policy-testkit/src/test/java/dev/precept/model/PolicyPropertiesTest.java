package dev.precept.model;

import dev.precept.testkit.Golden;
import dev.precept.testkit.PolicyGenerator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.internal.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of loading and digests, checked over seeded random inputs. A failure names its seed;
 * the same seed reproduces it.
 */
class PolicyPropertiesTest {
  static final Path SEED = Path.of("../examples/connect-academy-trust/social-media-policy.yaml");
  private static final int CASES = 300;

  @Test
  void yamlWrittenBackFromAnyGeneratedPolicyLoadsToAnEqualPolicy() {
    for (long seed = 1; seed <= CASES; seed++) {
      Policy policy = PolicyGenerator.generate(seed, 1 + (int) (seed % 40));
      String yaml = PolicyYaml.write(policy);
      Policy back = load(yaml, seed);
      assertEquals(policy, back, "seed " + seed);
    }
  }

  @Test
  void theSeedPolicyWrittenBackLoadsToAnEqualPolicy() throws Exception {
    Policy seed = PolicyLoader.standard().load(SEED);
    assertEquals(seed, PolicyLoader.standard().parse(PolicyYaml.write(seed), "written"));
  }

  @Test
  void theDigestIgnoresKeyOrderIndentationAndComments() throws Exception {
    String original = Files.readString(SEED, StandardCharsets.UTF_8);
    PolicyDigest expected = PolicyDigest.of(PolicyLoader.standard().parse(original, "seed"));
    JsonNode tree = LocatedDocument.read(original.getBytes(StandardCharsets.UTF_8), "seed", ReadLimits.STANDARD).root();
    for (long seed = 1; seed <= 50; seed++) {
      Random random = new Random(seed);
      JsonNode shuffled = shuffleKeys(tree.deepCopy(), random);
      String reformatted = random.nextBoolean()
          ? withRandomComments(Mappers.yaml().writeValueAsString(shuffled), random)
          : Mappers.prettyJson().writeValueAsString(shuffled); // JSON is YAML too: a different layout
      assertEquals(expected, PolicyDigest.of(load(reformatted, seed)), "seed " + seed);
    }
  }

  @Test
  void theDigestChangesWhenAnyClauseTextChanges() throws Exception {
    Policy policy = PolicyLoader.standard().load(SEED);
    PolicyDigest before = PolicyDigest.of(policy);
    Random random = new Random(7);
    for (Clause clause : policy.allClauses()) {
      String text = clause.text();
      int at = random.nextInt(text.length());
      String edited = text.substring(0, at) + (text.charAt(at) == 'x' ? 'y' : 'x') + text.substring(at + 1);
      Policy changed = replaceClauseText(policy, clause.id(), edited);
      assertNotEquals(before, PolicyDigest.of(changed), "editing " + clause.id() + " kept the digest");
    }
  }

  @Test
  void recordingTheApprovalKeepsTheDigestButAnyOtherMetadataChangeDoesNot() throws Exception {
    Policy policy = PolicyLoader.standard().load(SEED);
    PolicyDigest before = PolicyDigest.of(policy);
    Metadata approved = Metadata.builder().from(policy.metadata())
        .status(Status.APPROVED)
        .dates(Metadata.Dates.builder().from(policy.metadata().dates()).approved(java.time.LocalDate.of(2016, 10, 12)).build())
        .revisions(java.util.List.of(Revision.builder().version("2016.1").date(java.time.LocalDate.of(2017, 10, 1))
            .summary("Reviewed, no change.").build())).build();
    assertEquals(before, PolicyDigest.of(Policy.builder().from(policy).metadata(approved).build()));
    assertNotEquals(before, PolicyDigest.of(Policy.builder().from(policy).metadata(
        Metadata.builder().from(policy.metadata()).title("Social Media and Messaging Policy").build()).build()));
    assertNotEquals(before, PolicyDigest.of(Policy.builder().from(policy).metadata(
        Metadata.builder().from(policy.metadata()).dates(Metadata.Dates.builder().from(policy.metadata().dates())
            .effective(java.time.LocalDate.of(2016, 11, 1)).build()).build()).build()));
  }

  @Test
  void theDigestIsStableAcrossRunsForTheSeed() throws Exception {
    Policy policy = PolicyLoader.standard().load(SEED);
    assertEquals(PolicyDigest.of(policy), PolicyDigest.parse(PolicyDigest.of(policy).toString()));
    // Compared with the digest an earlier run wrote down, not only with a second load in this JVM.
    dev.precept.testkit.Golden.assertMatches(java.nio.file.Path.of("src/test/resources/golden/seed.digest"),
        PolicyDigest.of(policy) + "\n");
  }

  @Test
  void anyTextGivesAPolicyOrTheLoadersOwnException() throws Exception {
    String seedText = Files.readString(SEED, StandardCharsets.UTF_8);
    List<String> lines = List.of(seedText.split("\n", -1));
    int valid = 0;
    for (long seed = 1; seed <= 1500; seed++) {
      Random random = new Random(seed);
      String input = mutate(lines, random);
      try {
        PolicyLoader.standard().parse(input, "mutant-" + seed);
        valid++;
      } catch (PolicyValidationException e) {
        for (Diagnostic p : e.diagnostics()) {
          if (p.source().isEmpty() || p.message().isEmpty() || p.line() < 0) {
            fail("seed " + seed + ": problem without a location or message: " + p);
          }
        }
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " threw " + e + " for input:\n" + input, e);
      }
    }
    // Some mutations (a changed comment, a duplicated blank line) leave a valid policy.
    if (valid == 0) {
      fail("no mutant stayed valid: the mutator is too blunt to test anything but syntax errors");
    }
  }

  static String mutate(List<String> lines, Random random) {
    List<String> out = new ArrayList<>(lines);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      if (out.isEmpty()) {
        out.add("");
      }
      int at = random.nextInt(out.size());
      switch (random.nextInt(7)) {
        case 0 -> out.remove(at);
        case 1 -> Collections.swap(out, at, random.nextInt(out.size()));
        case 2 -> out.set(at, inject(out.get(at), random));
        case 3 -> out.add(at, out.get(random.nextInt(out.size())));
        case 4 -> out.set(at, out.get(at).replaceFirst(":\\s.*", java.util.regex.Matcher.quoteReplacement(": " + randomValue(random))));
        case 5 -> out.set(at, "  ".repeat(random.nextInt(4)) + out.get(at).strip());
        default -> out = new ArrayList<>(out.subList(0, Math.max(1, at)));
      }
    }
    return String.join("\n", out);
  }

  private static String inject(String line, Random random) {
    String[] junk = {"\t", ":", "- ", "&a ", "*a", "!!binary ", "{", "[", "\"", "'", "#", "\u0000", "\uFFFD", "? ", "|", ">-", "%YAML 1.2", "---", "é"};
    int at = line.isEmpty() ? 0 : random.nextInt(line.length());
    return line.substring(0, at) + junk[random.nextInt(junk.length)] + line.substring(at);
  }

  private static String randomValue(Random random) {
    String[] values = {"", "~", "null", "true", "12", "1.5", "[]", "{}", "[a, b]", "\"text\"", "2016-02-30", "P1Y", "x".repeat(200)};
    return values[random.nextInt(values.length)];
  }

  private static Policy load(String yaml, long seed) {
    try {
      return PolicyLoader.standard().parse(yaml, "seed-" + seed);
    } catch (PolicyValidationException e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + yaml, e);
    }
  }

  private static JsonNode shuffleKeys(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
      it.forEachRemaining(fields::add);
      Collections.shuffle(fields, random);
      ObjectNode shuffled = Mappers.json().createObjectNode();
      fields.forEach(f -> shuffled.set(f.getKey(), shuffleKeys(f.getValue(), random)));
      return shuffled;
    }
    if (node.isArray()) {
      ArrayNode array = Mappers.json().createArrayNode();
      node.forEach(n -> array.add(shuffleKeys(n, random)));
      return array;
    }
    return node;
  }

  private static String withRandomComments(String yaml, Random random) {
    StringBuilder out = new StringBuilder("# reformatted copy\n");
    for (String line : yaml.split("\n")) {
      // A comment line is safe just before a line that opens a key or a list item: it cannot be
      // inside a multi-line scalar there.
      boolean opensEntry = line.stripLeading().matches("(- )?[A-Za-z]+:( .*)?");
      if (opensEntry && random.nextInt(4) == 0) {
        out.append(" ".repeat(line.length() - line.stripLeading().length())).append("# note ").append(random.nextInt(100)).append("\n");
      }
      out.append(line).append("\n");
    }
    return out.toString();
  }

  private static Policy replaceClauseText(Policy policy, String id, String text) {
    List<Section> sections = new ArrayList<>();
    for (Section section : policy.sections()) {
      List<Clause> clauses = new ArrayList<>();
      for (Clause clause : section.clauses()) {
        List<Clause> items = new ArrayList<>();
        for (Clause item : clause.items()) {
          items.add(item.id().equals(id) ? Clause.builder().from(item).text(text).build() : item);
        }
        Clause lead = Clause.builder().from(clause).items(items).build();
        clauses.add(lead.id().equals(id) ? Clause.builder().from(lead).text(text).build() : lead);
      }
      sections.add(Section.builder().from(section).clauses(clauses).build());
    }
    return Policy.builder().from(policy).sections(sections).build();
  }
}
