package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
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
  private static final IncidentLoader LOADER = IncidentLoader.forPolicy(SeedPolicy.POLICY);
  private static final JsonNode[] ODD_VALUES = {
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("staff"),
      JsonNodeFactory.instance.textNode("2016-02-30"), JsonNodeFactory.instance.textNode("2016-11-14"),
      JsonNodeFactory.instance.textNode("misconduct"), JsonNodeFactory.instance.textNode("true"),
      JsonNodeFactory.instance.textNode("before"), JsonNodeFactory.instance.textNode("ceo"),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.numberNode(12),
      JsonNodeFactory.instance.numberNode(1.5), JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode().add("staff").add("staff"),
      JsonNodeFactory.instance.arrayNode().add("conduct.name-and-logo")};

  @Test
  void acceptsExactlyWhatTheLocatedLoaderAcceptsAndReadsItTheSame() {
    long seed = 20261125L;
    Random random = new Random(seed);
    int accepted = 0;
    for (int round = 0; round < 600; round++) {
      Incident original = SeedIncidents.INCIDENTS.get(random.nextInt(SeedIncidents.INCIDENTS.size()));
      ObjectNode tree = (ObjectNode) read(SeedIncidents.line(original));
      int mutations = random.nextInt(3);
      for (int i = 0; i < mutations; i++) {
        mutate(tree, random);
      }
      String line = tree.toString();
      Optional<Incident> fast = LOADER.readChecked(tree);
      Optional<Incident> located;
      try {
        located = Optional.of(LOADER.read(LocatedDocument.read(line.getBytes(StandardCharsets.UTF_8), "line",
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

  private static void mutate(ObjectNode incident, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(incident, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    JsonNode value = ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy();
    switch (random.nextInt(4)) {
      case 0 -> {
        if (!names.isEmpty()) {
          target.remove(names.get(random.nextInt(names.size())));
        }
      }
      case 1 -> {
        if (!names.isEmpty()) {
          target.set(names.get(random.nextInt(names.size())), value);
        }
      }
      case 2 -> target.set(List.of("id", "summary", "date", "facts", "clauses", "categories", "permissions", "roles",
          "attributes", "office", "given", "form", "clause", "during-working-hours", "investigation-finding", "extra")
          .get(random.nextInt(16)), value);
      default -> {
        JsonNode array = target.get(names.isEmpty() ? "" : names.get(random.nextInt(names.size())));
        if (array instanceof ArrayNode list) {
          list.add(value);
        }
      }
    }
  }

  private static void collect(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    node.elements().forEachRemaining(child -> collect(child, objects));
  }

  private static JsonNode read(String json) {
    try {
      return EvalJson.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
