package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML reference for governance staff, generated from the policy schema, so the reference
 * and what the validator checks can never disagree.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SchemaReference {
  /** The order the reference explains things in: the document, then each part as it is met. */
  private static final List<String> ORDER = List.of("metadata", "role", "group", "office", "valueDeclaration",
      "factDeclaration", "breachCategory", "instrument", "section", "clause", "listItem", "condition", "exception",
      "deeming", "dutyStep", "consequence", "silence");
  private static final Map<String, String> TITLES = Map.ofEntries(
      Map.entry("metadata", "metadata"), Map.entry("role", "a role (under `roles`)"),
      Map.entry("group", "a group (under `groups`)"), Map.entry("office", "an office (under `offices`)"),
      Map.entry("valueDeclaration", "an attribute (under `attributes`)"),
      Map.entry("factDeclaration", "a fact (under `facts`)"),
      Map.entry("deeming", "a deeming rule (under a clause's `deems`)"),
      Map.entry("dutyStep", "a duty step (under a clause's `duty`)"),
      Map.entry("silence", "a declared silence (under `silent`)"),
      Map.entry("breachCategory", "a breach category (under `breachCategories`)"),
      Map.entry("instrument", "an instrument (under `instruments`)"), Map.entry("section", "a section (under `sections`)"),
      Map.entry("clause", "a clause (under a section's `clauses`)"), Map.entry("listItem", "a list item (under a clause's `items`)"),
      Map.entry("condition", "a condition (under `when`)"), Map.entry("exception", "an exception (under a clause's `exceptions`)"),
      Map.entry("consequence", "a consequence (under `consequences`)"));

  private SchemaReference() {}

  /** The reference as Markdown. */
  public static String markdown() {
    JsonNode schema;
    try {
      schema = new ObjectMapper().readTree(PolicySchema.text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder();
    out.append("# The policy YAML format (schemaVersion 1)\n\n");
    out.append("Generated from the JSON Schema (`").append(schema.path("$id").asText())
        .append("`) by `precept schema --format markdown`: what is written here is what `precept validate` checks.\n\n");
    out.append("Ids are lower-case letters and digits, with words joined by `-` or `.` (`conduct.logo`). ")
        .append("Dates are `YYYY-MM-DD`. Keys not listed are errors.\n\n");
    object(out, "The document", schema);
    for (String name : ORDER) {
      JsonNode definition = schema.path("$defs").path(name);
      if (!definition.isMissingNode()) {
        object(out, "Fields of " + TITLES.getOrDefault(name, name), definition);
      }
    }
    return out.toString();
  }

  /**
   * The reference for any of Precept's other file formats (incident, cases, approvals, keyring),
   * generated from its schema: the document, then each definition in the schema's order.
   *
   * @param schemaJson the schema's JSON text
   * @param command the command that prints it, named in the introduction
   */
  public static String markdown(String schemaJson, String command) {
    JsonNode schema;
    try {
      schema = new ObjectMapper().readTree(schemaJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out = new StringBuilder();
    out.append("# ").append(schema.path("title").asText("Precept file format")).append("\n\n");
    out.append("Generated from the JSON Schema (`").append(schema.path("$id").asText())
        .append("`) by `").append(command).append("`: what is written here is what Precept checks.\n\n");
    if (schema.has("description")) {
      out.append(schema.get("description").asText()).append("\n\n");
    }
    out.append("Ids are lower-case letters and digits, with words joined by `-` or `.` (`conduct.logo`). ")
        .append("Dates are `YYYY-MM-DD`. Keys not listed are errors.\n\n");
    if (schema.has("properties")) {
      object(out, "The document", schema);
      nested(out, schema);
    }
    List<String> names = new ArrayList<>();
    schema.path("$defs").fieldNames().forEachRemaining(names::add);
    String root = schema.path("$ref").asText("");
    // The definition the document is, first; then the others in the schema's order.
    String rootName = root.substring(root.lastIndexOf('/') + 1);
    if (!rootName.isEmpty() && names.remove(rootName)) {
      names.add(0, rootName);
    }
    for (String name : names) {
      JsonNode definition = schema.path("$defs").path(name);
      if (definition.has("properties")) {
        object(out, (name.equals(rootName) ? "The document: " : "Fields of ") + "`" + name + "`", definition);
        nested(out, definition);
      }
    }
    return out.toString();
  }

  /** Objects written inline in another's properties ({@code person} in an incident), each as a section of its own. */
  private static void nested(StringBuilder out, JsonNode node) {
    node.path("properties").properties().forEach(p -> {
      if (p.getValue().has("properties")) {
        object(out, "Fields of `" + p.getKey() + "`", p.getValue());
        nested(out, p.getValue());
      }
    });
  }

  private static void object(StringBuilder out, String title, JsonNode node) {
    out.append("## ").append(title).append("\n\n");
    if (node.has("description")) {
      out.append(node.get("description").asText()).append("\n\n");
    }
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    out.append("| key | required | value | meaning |\n| --- | --- | --- | --- |\n");
    node.path("properties").properties().forEach(p -> out.append("| `").append(p.getKey()).append("` | ")
        .append(required.contains(p.getKey()) ? "yes" : "no").append(" | ").append(type(p.getValue())).append(" | ")
        .append(p.getValue().path("description").asText().replace("|", "\\|")).append(" |\n"));
    if (node.has("oneOf")) {
      List<String> notes = new ArrayList<>();
      node.path("oneOf").forEach(o -> notes.add(String.join(", ", names(o.path("required")))));
      if (!notes.isEmpty()) {
        out.append("\nExactly one of: ").append(String.join("; ", notes.stream().map(n -> "`" + n + "`").toList())).append(".\n");
      }
    }
    out.append("\n");
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String type(JsonNode property) {
    if (property.has("const")) {
      return "`" + property.get("const").asText() + "`";
    }
    if (property.has("enum")) {
      return "one of " + String.join(", ", names(property.get("enum")).stream().map(e -> "`" + e + "`").toList());
    }
    if (property.has("$ref")) {
      String ref = property.get("$ref").asText();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return name.equals("conditions") ? "list of conditions" : "see " + TITLES.getOrDefault(name, name);
    }
    String type = property.path("type").isArray() ? String.join(" or ", names(property.get("type"))) : property.path("type").asText();
    if ("array".equals(type)) {
      JsonNode items = property.path("items");
      return "list of " + (items.isMissingNode() ? "values" : type(items).replace("see ", ""));
    }
    if ("object".equals(type)) {
      if (property.has("properties")) {
        // named keys, not ids: say which
        List<String> keys = new ArrayList<>();
        property.get("properties").fieldNames().forEachRemaining(k -> keys.add("`" + k + "`"));
        return "mapping of " + String.join(", ", keys);
      }
      return "mapping of id to value";
    }
    if (property.path("format").asText().equals("date")) {
      return "date";
    }
    if (property.has("pattern") && "string".equals(type)) {
      if (property.get("pattern").asText().startsWith("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) {
        return "date and time";
      }
      String description = property.path("description").asText();
      if (description.startsWith("How often") || description.startsWith("An ISO-8601 period")) {
        return "ISO-8601 period";
      }
      if (description.startsWith("The time limit")) {
        return "ISO-8601 duration";
      }
      return "id";
    }
    return type.isEmpty() ? "value" : type;
  }
}
