package dev.precept.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The incidents of the seed policy's cases, as loaded incidents and as JSON lines. */
final class SeedIncidents {
  static final Path CASES = Path.of("../examples/connect-academy-trust/social-media-policy.cases.yaml");
  static final List<Incident> INCIDENTS = load();

  private SeedIncidents() {}

  private static List<Incident> load() {
    LocatedDocument document = LocatedDocument.read(PolicyLoader.readFile(CASES, ReadLimits.STANDARD),
        CASES.toString(), ReadLimits.STANDARD);
    IncidentLoader loader = IncidentLoader.forPolicy(SeedPolicy.POLICY);
    List<Incident> incidents = new ArrayList<>();
    JsonNode cases = document.root().get("cases");
    for (int i = 0; i < cases.size(); i++) {
      incidents.add(loader.read(document, "/cases/" + i + "/incident"));
    }
    return List.copyOf(incidents);
  }

  /** The incident as one line of JSON, with facts and attributes typed as the policy declares them. */
  static String line(Incident incident) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode tree = EvalJson.mapper().valueToTree(incident);
      type(tree.path("facts"), SeedPolicy.POLICY.facts().stream()
          .collect(java.util.stream.Collectors.toMap(f -> f.id(), f -> f.type())));
      type(tree.path("person").path("attributes"), SeedPolicy.POLICY.attributes().stream()
          .collect(java.util.stream.Collectors.toMap(a -> a.id(), a -> a.type())));
      return EvalJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void type(JsonNode values, java.util.Map<String, dev.precept.model.FactType> types) {
    if (values instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      for (String name : List.copyOf(types.keySet())) {
        JsonNode value = object.get(name);
        if (value == null) {
          continue;
        }
        switch (types.get(name)) {
          case BOOLEAN -> object.put(name, Boolean.parseBoolean(value.asText()));
          case INTEGER -> object.put(name, Long.parseLong(value.asText()));
          default -> { }
        }
      }
    }
  }
}
