package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.Fact;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import dev.precept.testkit.IncidentMutations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch reads incidents on a fast path without locations; it must accept exactly what the
 * located loader accepts, and read it the same. Seeded mutations of the seed's incidents (a failure
 * names its seed and the line).
 */
class IncidentFastPathTest {
  private static final List<JsonNode> ODD_VALUES = List.of(
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("staff"),
      JsonNodeFactory.instance.textNode("2016-02-30"), JsonNodeFactory.instance.textNode("2016-11-14"),
      JsonNodeFactory.instance.textNode("misconduct"), JsonNodeFactory.instance.textNode("true"),
      JsonNodeFactory.instance.textNode("before"), JsonNodeFactory.instance.textNode("ceo"),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.numberNode(12),
      JsonNodeFactory.instance.numberNode(1.5), JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode().add("staff").add("staff"),
      JsonNodeFactory.instance.arrayNode().add("conduct.name-and-logo"));
  private static final List<String> NAMES = List.of("id", "summary", "date", "facts", "clauses", "categories",
      "permissions", "roles", "attributes", "office", "given", "form", "clause", "during-working-hours",
      "investigation-finding", "extra");

  @Test
  void acceptsExactlyWhatTheLocatedLoaderAcceptsAndReadsItTheSame() throws Exception {
    // Built here, not in a static field, so mutation testing credits this test with the loader's set-up.
    IncidentLoader loader = IncidentLoader.forPolicy(SeedPolicy.POLICY);
    long seed = 20261125L;
    Random random = new Random(seed);
    IncidentMutations mutator = IncidentMutations.of(random, ODD_VALUES, NAMES);
    int accepted = 0;
    for (int round = 0; round < 600; round++) {
      Incident original = SeedIncidents.INCIDENTS.get(random.nextInt(SeedIncidents.INCIDENTS.size()));
      ObjectNode tree = (ObjectNode) read(SeedIncidents.line(original));
      int mutations = random.nextInt(3);
      for (int i = 0; i < mutations; i++) {
        mutator.mutate(tree);
      }
      String line = tree.toString();
      Optional<Incident> fast = loader.readChecked(tree);
      assertEquals(fast, loader.readIfClean(line), "seed " + seed + ", round " + round + ", read token by token: " + line);
      Optional<Incident> located;
      try {
        located = Optional.of(loader.read(LocatedDocument.read(line.getBytes(StandardCharsets.UTF_8), "line",
            ReadLimits.STANDARD), ""));
      } catch (PolicyValidationException e) {
        located = Optional.empty();
      }
      if (fast.isPresent()) {
        accepted++;
        assertEquals(located, fast, "seed " + seed + ", round " + round + ": " + line);
      } else {
        assertTrue(located.isEmpty(), "seed " + seed + ", round " + round
            + ": the fast path refused what the loader accepts: " + line);
      }
    }
    assertTrue(accepted > 150, "most unmutated incidents take the fast path: " + accepted);
  }

  @Test
  void readingTokenByTokenGivesWhatTheTreeGivesForNumbersNullsAndNesting() throws Exception {
    int accepted = 0;
    List<Policy> policies = List.of(SeedPolicy.POLICY, dev.precept.model.PolicyLoader.standard()
        .load(java.nio.file.Path.of("src/test/resources/semantics/comparisons-and-dates/policy.yaml")));
    for (Policy policy : policies) {
      IncidentLoader loader = IncidentLoader.forPolicy(policy);
      String role = policy.roles().get(0).id();
      String clause = policy.allClauses().get(0).id();
      String opening = "{\"id\":\"n\",\"person\":{\"roles\":[\"" + role + "\"]},\"clauses\":[\"" + clause + "\"]";
      List<String> lines = new ArrayList<>();
      for (String value : List.of("0", "-0", "12", "2147483648", "99999999999999999999999", "1.5", "1e3", "true", "false",
          "\"true\"", "\"yes\"", "\"2016-11-14\"", "null", "[]", "{}", "[true]", "{\"a\":1}")) {
        for (Fact fact : policy.facts()) {
          lines.add(opening + ",\"facts\":{\"" + fact.id() + "\":" + value + "}}");
        }
        for (String name : List.of("summary", "date", "permissions", "decisions", "steps", "done", "categories")) {
          lines.add(opening + ",\"" + name + "\":" + value + "}");
        }
        lines.add(opening + ",\"permissions\":[{\"office\":\"ceo\",\"given\":\"prior\",\"form\":" + value + "}]}");
        lines.add("{\"id\":\"n\",\"person\":{\"roles\":[\"" + role + "\"],\"attributes\":" + value + "},\"clauses\":[\"" + clause + "\"]}");
      }
      lines.add(opening + ",\"date\":\"2016-11-14\",\"summary\":\"s\\u00e9\",\"decisions\":{},\"steps\":{},\"done\":{}}");
      lines.add(opening + ",\"permissions\":[{\"office\":\"ceo\",\"given\":\"after\",\"form\":\"written\",\"clause\":\"" + clause + "\"}]}");
      lines.add(opening + "}");
      for (String line : lines) {
        Optional<Incident> tree = loader.readChecked(read(line));
        assertEquals(tree, loader.readIfClean(line), line);
        accepted += tree.isPresent() ? 1 : 0;
      }
    }
    assertTrue(accepted >= 20, "lines accepted: " + accepted);
  }

  @Test
  void readingTokenByTokenRefusesWhatTheBatchCannotParse() throws Exception {
    IncidentLoader loader = IncidentLoader.forPolicy(SeedPolicy.POLICY);
    String clean = "{\"id\":\"n\",\"person\":{\"roles\":[\"staff\"]},\"clauses\":[\"conduct.name-and-logo\"]}";
    assertTrue(loader.readIfClean(clean).isPresent(), clean);
    for (String line : List.of(clean + " {}", clean + "]", "{\"id\":\"n\",\"id\":\"m\",\"person\":{\"roles\":[\"staff\"]},\"clauses\":[\"conduct.name-and-logo\"]}",
        "{\"id\":\"n\",\"person\":{\"roles\":[\"staff\"],\"roles\":[\"staff\"]},\"clauses\":[\"conduct.name-and-logo\"]}",
        clean.substring(0, clean.length() - 1) + ",\"facts\":{\"during-working-hours\":true,\"during-working-hours\":true}}",
        clean.substring(0, clean.length() - 1) + ",\"permissions\":[{\"office\":\"ceo\",\"given\":\"after\",\"form\":\"written\",\"form\":\"written\"}]}",
        clean.substring(0, clean.length() - 1), "[" + clean + "]")) {
      assertTrue(isRefusedOnTheTreePath(loader, line), line);
      assertEquals(Optional.empty(), loader.readIfClean(line), line);
    }
  }

  /**
   * Whether the batch's tree path refuses the line: its reader (duplicate names and trailing text are
   * errors), or the fast path on its tree.
   */
  private static boolean isRefusedOnTheTreePath(IncidentLoader loader, String line) {
    try {
      return loader.readChecked(EvalJson.mapper().reader().with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(line)).isEmpty();
    } catch (java.io.IOException e) {
      return true;
    }
  }

  private static JsonNode read(String json) {
    try {
      return EvalJson.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
