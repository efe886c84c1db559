package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.PolicyFormatter;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Flow-style YAML values read as YAML 1.2 says, with their locations. */
class LocatedTreeReaderTest {
  private static JsonNode read(String yaml) {
    return LocatedTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", ReadLimits.STANDARD).root();
  }

  @Test
  void aQuestionMarkEndingAFlowMappingValueBelongsToTheText() {
    assertEquals("Is this allowed?", read("a: { text: Is this allowed? }\n").at("/a/text").asText());
  }

  @Test
  void aQuestionMarkEndingAFlowSequenceItemBelongsToTheText() {
    JsonNode list = read("a: [Is this allowed?, Who decides?]\n").get("a");
    assertEquals("Is this allowed?", list.get(0).asText());
    assertEquals("Who decides?", list.get(1).asText());
  }

  @Test
  void aQuestionMarkInsideAFlowValueBelongsToTheText() {
    assertEquals("why? because", read("a: {text: why? because}\n").at("/a/text").asText());
  }

  @Test
  void aQuestionMarkOfAFlowKeyBelongsToTheKey() {
    assertEquals("1", read("a: {ready?: 1}\n").at("/a/ready?").asText());
  }

  @Test
  void aPolicyWithAQuestionInAFlowMappingLoadsAndFormats() throws Exception {
    String yaml = Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8)
        .replace("          - id: rules.logo.permission\n            text: without permission\n            office: ceo\n            timing: prior\n",
            "          - { id: rules.logo.permission, text: Was permission given?, office: ceo, timing: prior }\n");
    assertEquals("Was permission given?",
        PolicyLoader.standard().parse(yaml, "policy.yaml").clause("rules.logo").orElseThrow().exceptions().get(0).text());
    String formatted = PolicyFormatter.format(yaml, "policy.yaml");
    assertEquals(true, formatted.contains("text: Was permission given?\n"), formatted);
  }
}
