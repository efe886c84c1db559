package dev.precept.model;

import dev.precept.testkit.Golden;
import dev.precept.testkit.PolicyGenerator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema governance staff's editors read: identified, and every property explained on hover. */
class PolicySchemaTest {
  private static final JsonNode SCHEMA = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(PolicySchema.text());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void declaresDraft2020AndItsId() {
    assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA.get("$schema").asText());
    assertEquals(PolicySchema.ID, SCHEMA.get("$id").asText());
  }

  @Test
  void everyPropertyHasAHoverDescription() {
    List<String> missing = new ArrayList<>();
    walk(SCHEMA, "", missing);
    assertEquals(List.of(), missing, "properties without a description");
  }

  @Test
  void theExamplesPointTheirEditorsAtThisSchema() throws Exception {
    for (String file : List.of("social-media-policy.yaml", "social-media-policy-2017.yaml")) {
      String first = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../examples/connect-academy-trust", file)).get(0);
      assertTrue(first.startsWith("# yaml-language-server: $schema=") && first.endsWith("policy.schema.json"), first);
    }
  }

  @Test
  void theYamlReferenceInTheDocsIsTheOneGeneratedFromTheSchema() {
    String reference = SchemaReference.markdown();
    assertTrue(reference.contains("| `appliesTo` | no | list of id |"), reference);
    Golden.assertMatches(java.nio.file.Path.of("../docs/yaml-reference.md"), reference);
  }

  private static void walk(JsonNode node, String path, List<String> missing) {
    if (node.isObject()) {
      node.path("properties").properties().forEach(p -> {
        if (!p.getValue().has("description")) {
          missing.add(path + "/properties/" + p.getKey());
        }
      });
      node.properties().forEach(f -> walk(f.getValue(), path + "/" + f.getKey(), missing));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, missing);
      }
    }
  }
}
