package dev.precept.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.internal.Mappers;
import dev.precept.model.internal.SemanticCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the semantic problems of a policy that also has schema problems, so a clerk sees every
 * problem in one pass: each value the schema refused is replaced by a placeholder the schema
 * accepts (unknown keys removed, missing keys filled), the repaired copy is read as a policy and
 * given the semantic checks, and whatever those say about a repaired place is dropped. When the
 * copy cannot be repaired in a few rounds, only the schema's problems are reported.
 */
final class Salvage {
  private static final String PLACEHOLDER_ID = "precept-placeholder";
  private static final int ROUNDS = 6;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SchemaValidator validator;
  private final JsonNode schema;
  private final Set<String> repaired = new LinkedHashSet<>();

  private Salvage(SchemaValidator validator) {
    this.validator = validator;
    this.schema = validator.schemaTree();
  }

  /**
   * Every problem of a document whose schema problems are {@code schemaProblems}: those problems,
   * and the semantic problems of a repaired copy. A misspelt key whose intended name the schema
   * problem suggests ({@code sectons}, "did you mean 'sections'?") is read under that name in the
   * copy, so what is written under it is still checked, and the missing key it stands for is not
   * reported a second time.
   */
  static List<Diagnostic> everyProblem(LocatedDocument document, List<Diagnostic> schemaProblems, SchemaValidator validator) {
    Salvage salvage = new Salvage(validator);
    Map<String, String> misspelt = salvage.misspelt(document.root(), schemaProblems);
    List<Diagnostic> problems = new ArrayList<>();
    for (Diagnostic d : schemaProblems) {
      boolean standsInForMisspelt = d.code().equals(Diagnostic.SCHEMA_PREFIX + "required") && d.subject().isPresent()
          && misspelt.containsValue(d.pointer() + "/" + escape(d.subject().get()));
      if (!standsInForMisspelt) {
        problems.add(d);
      }
    }
    problems.addAll(salvage.run(document, schemaProblems, misspelt));
    return problems;
  }

  private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^'~/]+)'\\?");

  /**
   * Each unknown key with a suggested name that its mapping lacks, and a value of the type that
   * name takes: its pointer to the suggested key's.
   */
  private Map<String, String> misspelt(JsonNode root, List<Diagnostic> schemaProblems) {
    Map<String, String> misspelt = new LinkedHashMap<>();
    for (Diagnostic d : schemaProblems) {
      if (!d.code().equals(Diagnostic.SCHEMA_PREFIX + "additionalProperties") || d.pointer().isEmpty()) {
        continue;
      }
      Matcher meant = DID_YOU_MEAN.matcher(d.hint().orElse(""));
      JsonPointer at = JsonPointer.compile(d.pointer());
      JsonNode parent = root.at(at.head());
      if (meant.matches() && parent.isObject() && !parent.has(meant.group(1))) {
        String to = at.head().toString() + "/" + escape(meant.group(1));
        JsonNode intended = subschema(to);
        if (intended != null && sameType(intended, root.at(at)) && !misspelt.containsValue(to)) {
          misspelt.put(d.pointer(), to);
        }
      }
    }
    return misspelt;
  }

  /** Whether a value has the JSON type a schema gives (false when the schema gives no single type). */
  private static boolean sameType(JsonNode schemaNode, JsonNode value) {
    String type = schemaNode.path("type").asText("");
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "integer", "number" -> value.isNumber();
      default -> false;
    };
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private List<Diagnostic> run(LocatedDocument original, List<Diagnostic> first, Map<String, String> misspelt) {
    JsonNode copy = original.root().deepCopy();
    for (Map.Entry<String, String> rename : misspelt.entrySet()) {
      JsonPointer from = JsonPointer.compile(rename.getKey());
      if (copy.at(from.head()) instanceof ObjectNode parent) {
        JsonNode value = parent.remove(from.last().getMatchingProperty());
        parent.set(JsonPointer.compile(rename.getValue()).last().getMatchingProperty(), value);
      }
    }
    LocatedDocument document = original.withRoot(copy, misspelt);
    List<Diagnostic> problems = misspelt.isEmpty() ? first : validator.check(document);
    // Schema problems under a renamed key are the clerk's too: they were hidden by the misspelling.
    List<Diagnostic> underRenamed = problems.stream().filter(d -> misspelt.values().stream()
        .anyMatch(to -> d.pointer().equals(to) || d.pointer().startsWith(to + "/"))).toList();
    for (int round = 0; round < ROUNDS && !problems.isEmpty(); round++) {
      for (Diagnostic problem : problems) {
        if (!repair(copy, problem)) {
          return underRenamed;
        }
      }
      problems = validator.check(document.withRoot(copy));
    }
    if (!problems.isEmpty()) {
      return underRenamed;
    }
    Policy policy;
    try {
      policy = Mappers.json().treeToValue(copy, Policy.class);
    } catch (Exception e) {
      return underRenamed;
    }
    List<Diagnostic> found = new ArrayList<>(underRenamed);
    for (Diagnostic d : SemanticCheck.check(policy, document)) {
      if (!touchesRepair(d) && !d.subject().map(PLACEHOLDER_ID::equals).orElse(false)) {
        found.add(withoutStandIns(d));
      }
    }
    return found;
  }

  /** The problem with the stand-in left out of its hint's list of declared names. */
  private static Diagnostic withoutStandIns(Diagnostic d) {
    String hint = d.hint().orElse("");
    if (!hint.contains(PLACEHOLDER_ID)) {
      return d;
    }
    String cleaned = hint.replace("'" + PLACEHOLDER_ID + "', ", "").replace(", '" + PLACEHOLDER_ID + "'", "");
    return Diagnostic.builder().from(d).hint(cleaned.contains(PLACEHOLDER_ID) ? Optional.empty() : Optional.of(cleaned)).build();
  }

  private boolean touchesRepair(Diagnostic d) {
    for (String at : repaired) {
      if (d.pointer().equals(at) || d.pointer().startsWith(at + "/")) {
        return true;
      }
    }
    return false;
  }

  private boolean repair(JsonNode root, Diagnostic problem) {
    String pointer = problem.pointer();
    String code = problem.code();
    if (code.equals(Diagnostic.SCHEMA_PREFIX + "additionalProperties") || code.equals(Diagnostic.SCHEMA_PREFIX + "unevaluatedProperties")) {
      repaired.add(pointer);
      return remove(root, pointer);
    }
    if (code.equals(Diagnostic.SCHEMA_PREFIX + "required") && problem.subject().isPresent()) {
      String child = pointer + "/" + problem.subject().get().replace("~", "~0").replace("/", "~1");
      repaired.add(child);
      return set(root, child);
    }
    if (pointer.isEmpty()) {
      return false;
    }
    repaired.add(pointer);
    return set(root, pointer);
  }

  private static boolean remove(JsonNode root, String pointer) {
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    if (parent instanceof ObjectNode object) {
      object.remove(p.last().getMatchingProperty());
      return true;
    }
    return false;
  }

  private boolean set(JsonNode root, String pointer) {
    JsonNode sub = subschema(pointer);
    if (sub == null) {
      return false;
    }
    JsonNode value = placeholder(sub, 0);
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    if (parent instanceof ObjectNode object) {
      object.set(p.last().getMatchingProperty(), value);
      return true;
    }
    if (parent instanceof ArrayNode array && p.last().mayMatchElement() && p.last().getMatchingIndex() < array.size()) {
      array.set(p.last().getMatchingIndex(), value);
      return true;
    }
    return false;
  }

  /** The schema for the value at an instance pointer, following properties, items and $refs. */
  private JsonNode subschema(String pointer) {
    JsonNode node = resolve(schema);
    JsonPointer p = JsonPointer.compile(pointer);
    while (p != null && !p.matches()) {
      String segment = p.getMatchingProperty();
      JsonNode next = node.path("properties").path(segment);
      if (next.isMissingNode()) {
        next = node.path("items");
      }
      if (next.isMissingNode() && node.path("additionalProperties").isObject()) {
        next = node.path("additionalProperties");
      }
      if (next.isMissingNode()) {
        return null;
      }
      node = resolve(next);
      p = p.tail();
    }
    return node;
  }

  private JsonNode resolve(JsonNode node) {
    int guard = 0;
    while (node.has("$ref") && guard++ < 10) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return node;
      }
      node = schema.at(ref.substring(1));
    }
    return node;
  }

  private JsonNode placeholder(JsonNode schemaNode, int depth) {
    JsonNode s = resolve(schemaNode);
    if (s.has("const")) {
      return s.get("const").deepCopy();
    }
    if (s.has("enum") && s.get("enum").size() > 0) {
      return s.get("enum").get(0).deepCopy();
    }
    String type = s.path("type").isArray() ? s.path("type").path(0).asText() : s.path("type").asText();
    switch (type) {
      case "integer":
      case "number":
        return NODES.numberNode(s.path("minimum").asInt(1));
      case "boolean":
        return NODES.booleanNode(false);
      case "array": {
        ArrayNode array = NODES.arrayNode();
        if (s.path("minItems").asInt(0) > 0 && depth < 8) {
          array.add(placeholder(s.path("items"), depth + 1));
        }
        return array;
      }
      case "object": {
        ObjectNode object = NODES.objectNode();
        if (depth < 8) {
          Set<String> required = new LinkedHashSet<>();
          s.path("required").forEach(r -> required.add(r.asText()));
          s.path("oneOf").path(0).path("required").forEach(r -> required.add(r.asText()));
          s.path("allOf").forEach(part -> part.path("oneOf").path(0).path("required").forEach(r -> required.add(r.asText())));
          for (String name : required) {
            JsonNode property = s.path("properties").path(name);
            object.set(name, property.isMissingNode() ? NODES.textNode(PLACEHOLDER_ID) : placeholder(property, depth + 1));
          }
        }
        return object;
      }
      default:
        if ("date".equals(s.path("format").asText())) {
          return NODES.textNode("1900-01-01");
        }
        String pattern = s.path("pattern").asText();
        if (pattern.startsWith("^P")) {
          return NODES.textNode("P1Y");
        }
        return NODES.textNode(PLACEHOLDER_ID);
    }
  }
}
