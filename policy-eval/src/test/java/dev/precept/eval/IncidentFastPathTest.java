package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import dev.precept.testkit.IncidentMutations;
import java.nio.charset.StandardCharsets;
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
  void acceptsExactlyWhatTheLocatedLoaderAcceptsAndReadsItTheSame() {
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

  private static JsonNode read(String json) {
    try {
      return EvalJson.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
