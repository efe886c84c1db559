package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.precept.model.PolicySchema;
import dev.precept.model.ReadLimits;
import dev.precept.model.internal.QuickSchemaCheck.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick schema check lets a document skip the full validator only when the full validator
 * would report nothing: checked here against the full validator on every example policy and on
 * thousands of one-change mutations of the seed (keys removed and added, values of the wrong type,
 * other values, lengths, dates, duplicates).
 */
class QuickSchemaCheckTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Path SEED = Path.of("../examples/connect-academy-trust/social-media-policy.yaml");

  private final JsonNode schemaTree = schemaTree();
  private final QuickSchemaCheck quick = new QuickSchemaCheck(schemaTree);
  private final Schema full = fullValidator();

  @Test
  void everyExamplePolicyIsValidWithoutTheFullValidator() throws IOException {
    List<Path> policies;
    try (Stream<Path> walk = Files.walk(Path.of("../examples"))) {
      policies = walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/"))
          .filter(QuickSchemaCheckTest::startsLikeAPolicy)
          .sorted()
          .toList();
    }
    assertTrue(policies.size() >= 2, "example policies found: " + policies);
    for (Path policy : policies) {
      JsonNode tree = read(policy);
      if (full.validate(tree).isEmpty()) {
        assertEquals(Verdict.VALID, quick.check(tree), policy + " is valid, and the quick check should say so");
      } else {
        assertTrue(quick.check(tree) != Verdict.VALID, policy + " has schema problems the quick check missed");
      }
    }
  }

  @Test
  void aMutationOfTheSeedIsPassedOnlyWhenTheFullValidatorFindsNothing() throws IOException {
    JsonNode seed = read(SEED);
    List<String> pointers = new ArrayList<>();
    List<JsonNode> texts = new ArrayList<>();
    collect(seed, "", pointers, texts);
    int judged = 0;
    int passedQuickly = 0;
    int refused = 0;
    for (int i = 0; i < pointers.size(); i++) {
      for (int kind : new int[] {i % MUTATIONS, (i + 5) % MUTATIONS, (i + 9) % MUTATIONS}) {
        JsonNode mutated = mutate(seed, pointers.get(i), kind, texts.get((i * 7 + kind) % texts.size()));
        if (mutated == null) {
          continue;
        }
        judged++;
        boolean fullFindsNothing = full.validate(mutated).isEmpty();
        Verdict verdict = quick.check(mutated);
        if (verdict == Verdict.VALID) {
          passedQuickly++;
          assertTrue(fullFindsNothing, "the quick check passed mutation " + kind + " at " + pointers.get(i)
              + ", which the full validator refuses: " + full.validate(mutated));
        }
        if (!fullFindsNothing) {
          refused++;
        }
      }
    }
    assertTrue(judged > 1000, "mutations judged: " + judged);
    assertTrue(refused > judged / 3, "mutations the full validator refused: " + refused + " of " + judged);
    assertTrue(passedQuickly > 0, "some harmless mutations pass quickly");
  }

  private static final int MUTATIONS = 13;

  /** The seed with one change at the pointer, or null when that change does not apply there. */
  private static JsonNode mutate(JsonNode seed, String pointer, int kind, JsonNode otherText) {
    if (pointer.isEmpty()) {
      return null;
    }
    JsonNode copy = seed.deepCopy();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    JsonNode current = copy.at(pointer);
    JsonNode replacement;
    switch (kind) {
      case 0:
        if (parent instanceof ObjectNode object) {
          object.remove(last);
          return copy;
        }
        if (parent instanceof ArrayNode array) {
          array.remove(Integer.parseInt(last));
          return copy;
        }
        return null;
      case 1:
        replacement = NODES.nullNode();
        break;
      case 2:
        replacement = NODES.numberNode(7);
        break;
      case 3:
        replacement = NODES.numberNode(1.0);
        break;
      case 4:
        replacement = NODES.textNode("");
        break;
      case 5:
        replacement = NODES.textNode("x".repeat(5000));
        break;
      case 6:
        replacement = NODES.arrayNode();
        break;
      case 7:
        replacement = NODES.objectNode();
        break;
      case 8:
        if (parent instanceof ArrayNode array) {
          array.add(current.deepCopy());
          return copy;
        }
        return null;
      case 9:
        if (current instanceof ObjectNode object) {
          object.put("unexpectedKey", "x");
          return copy;
        }
        return null;
      case 10:
        replacement = otherText;
        break;
      case 11:
        replacement = current.isTextual() ? NODES.textNode(current.textValue() + " ") : NODES.textNode("2016-13-45");
        break;
      case 12:
        replacement = current.isTextual() ? NODES.textNode("2016-02-30") : NODES.booleanNode(true);
        break;
      default:
        throw new IllegalArgumentException("no mutation " + kind);
    }
    if (parent instanceof ObjectNode object) {
      object.set(last, replacement);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), replacement);
    } else {
      return null;
    }
    return copy;
  }

  private static void collect(JsonNode node, String pointer, List<String> pointers, List<JsonNode> texts) {
    pointers.add(pointer);
    if (node.isTextual()) {
      texts.add(node);
    }
    if (node.isObject()) {
      node.properties().forEach(field -> collect(field.getValue(),
          pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), pointers, texts));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, pointers, texts);
      }
    }
  }

  private static boolean startsLikeAPolicy(Path file) {
    try {
      return Files.readString(file).lines().anyMatch(line -> line.startsWith("schemaVersion:"));
    } catch (IOException e) {
      return false;
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return LocatedTreeReader.read(Files.readAllBytes(file), file.toString(), ReadLimits.STANDARD).root();
  }

  private static JsonNode schemaTree() {
    try {
      return Mappers.json().readTree(PolicySchema.text());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Built as {@code SchemaValidator} builds it. */
  private static Schema fullValidator() {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true)
        .locale(Locale.ROOT)
        .build();
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config)).getSchema(PolicySchema.text(), com.networknt.schema.InputFormat.JSON);
    schema.initializeValidators();
    return schema;
  }
}
