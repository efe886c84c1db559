package dev.precept.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of an incident's JSON tree (a member removed or replaced, a listed name set, a
 * value appended to a list), for tests that hold two readers of incidents to the same answers.
 *
 * <pre>{@code
 * IncidentMutations mutations = IncidentMutations.of(new Random(seed), oddValues, names);
 * mutations.mutate(tree); // the same seed gives the same mutations
 * }</pre>
 */
public final class IncidentMutations {
  private final Random random;
  private final List<JsonNode> values;
  private final List<String> names;

  private IncidentMutations(Random random, List<JsonNode> values, List<String> names) {
    this.random = random;
    this.values = List.copyOf(values);
    this.names = List.copyOf(names);
  }

  /**
   * Mutations drawn from {@code random}, setting values from {@code values} and members named from
   * {@code names} as well as those already present.
   */
  public static IncidentMutations of(Random random, List<JsonNode> values, List<String> names) {
    if (values.isEmpty() || names.isEmpty()) {
      throw new IllegalArgumentException("mutations need at least one value and one name");
    }
    return new IncidentMutations(random, values, names);
  }

  /** Applies one mutation somewhere in the tree, to any object in it (the incident itself included). */
  public void mutate(ObjectNode incident) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(incident, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> present = new ArrayList<>();
    target.fieldNames().forEachRemaining(present::add);
    JsonNode value = values.get(random.nextInt(values.size())).deepCopy();
    switch (random.nextInt(4)) {
      case 0 -> {
        if (!present.isEmpty()) {
          target.remove(present.get(random.nextInt(present.size())));
        }
      }
      case 1 -> {
        if (!present.isEmpty()) {
          target.set(present.get(random.nextInt(present.size())), value);
        }
      }
      case 2 -> target.set(names.get(random.nextInt(names.size())), value);
      default -> {
        JsonNode array = present.isEmpty() ? null : target.get(present.get(random.nextInt(present.size())));
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
}
