package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.precept.model.internal.LocatedTreeReader;
import dev.precept.model.internal.Mappers;
import dev.precept.model.internal.QuickSchemaCheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a located document, or a part of one, against a JSON Schema (Draft 2020-12) and turns
 * each failure into a {@link Diagnostic} with its line, column and pointer, and a hint where one helps.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SchemaValidator {
  private static final SchemaValidator POLICY = new SchemaValidator(PolicySchema.text());

  private final String schemaJson;
  private final JsonNode schemaTree;
  private final QuickSchemaCheck quickCheck;
  private volatile Schema schema;

  /**
   * A validator for the schema in this JSON text.
   *
   * <p>The full validator is built the first time a document may have problems: a document the
   * {@link QuickSchemaCheck} finds certainly valid is accepted without it, which keeps a command
   * line's start short (building the full validator is a good part of a cold start).
   */
  public SchemaValidator(String schemaJson) {
    this.schemaJson = schemaJson;
    try {
      this.schemaTree = Mappers.json().readTree(schemaJson);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("schema is not JSON", e);
    }
    this.quickCheck = new QuickSchemaCheck(schemaTree);
  }

  private Schema schema() {
    Schema built = schema;
    if (built == null) {
      synchronized (this) {
        built = schema;
        if (built == null) {
          SchemaRegistryConfig config = SchemaRegistryConfig.builder()
              .pathType(PathType.JSON_POINTER)
              .formatAssertionsEnabled(true)
              .locale(Locale.ROOT)
              .build();
          SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
              builder -> builder.schemaRegistryConfig(config));
          built = registry.getSchema(schemaJson, com.networknt.schema.InputFormat.JSON);
          built.initializeValidators();
          schema = built;
        }
      }
    }
    return built;
  }

  /** The schema's JSON tree. */
  JsonNode schemaTree() {
    return schemaTree;
  }

  /** The validator for Precept's policy schema. */
  public static SchemaValidator policy() {
    return POLICY;
  }

  /** Every schema problem in the document, one per distinct location and message. */
  public List<Diagnostic> check(LocatedDocument document) {
    return check(document, "");
  }

  /** Every schema problem in the value at {@code pointer} of the document. */
  public List<Diagnostic> check(LocatedDocument document, String pointer) {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> patternFailed = new LinkedHashSet<>();
    JsonNode node = document.at(pointer).orElseThrow(() -> new IllegalArgumentException("nothing at " + pointer));
    if (quickCheck.check(node) == QuickSchemaCheck.Verdict.VALID) {
      return problems;
    }
    List<Error> errors = schema().validate(node);
    for (Error error : errors) {
      if ("pattern".equals(error.getKeyword())) {
        patternFailed.add(pointerOf(error));
      }
    }
    for (Error error : errors) {
      // A date like 01/09/2016 fails both its pattern and its format: say it once.
      if ("format".equals(error.getKeyword()) && patternFailed.contains(pointerOf(error))) {
        continue;
      }
      String where = pointer + pointerOf(error);
      String message = messageOf(error, where);
      if (seen.add(where + "\n" + message)) {
        problems.add(document.diagnostic(Diagnostic.SCHEMA_PREFIX + error.getKeyword(), where, subjectOf(error), message,
            hintFor(error, document.readAsJson())));
      }
    }
    return problems;
  }

  private static String subjectOf(Error error) {
    String keyword = String.valueOf(error.getKeyword());
    if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword) || "required".equals(keyword))
        && error.getProperty() != null) {
      return error.getProperty();
    }
    JsonNode found = error.getInstanceNode();
    return found != null && found.isValueNode() && !found.isNull() ? abbreviate(found.asText()) : null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  /** A keyword beside the failing one in the schema ({@code patternErrorMessage} beside {@code pattern}). */
  private JsonNode sibling(Error error, String name) {
    String location = String.valueOf(error.getSchemaLocation());
    int hash = location.indexOf('#');
    if (hash < 0) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    String fragment = location.substring(hash + 1);
    int cut = fragment.lastIndexOf('/');
    if (cut < 0) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    try {
      return schemaTree.at(fragment.substring(0, cut) + "/" + name);
    } catch (IllegalArgumentException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static String pointerOf(Error error) {
    String pointer = error.getInstanceLocation().toString();
    if (("additionalProperties".equals(error.getKeyword()) || "unevaluatedProperties".equals(error.getKeyword()))
        && error.getProperty() != null) {
      pointer = pointer + "/" + LocatedTreeReader.escape(error.getProperty());
    }
    return pointer;
  }

  private String messageOf(Error error, String pointer) {
    String where = describe(pointer);
    String keyword = String.valueOf(error.getKeyword());
    JsonNode custom = sibling(error, "errorMessage");
    if (custom.isTextual()) {
      return where + ": " + custom.asText();
    }
    if (custom.path(keyword).isTextual()) {
      return where + ": " + custom.path(keyword).asText();
    }
    switch (keyword) {
      case "enum":
        return where + ": '" + abbreviate(error.getInstanceNode().asText()) + "' is not one of "
            + String.join(", ", enumValues(error));
      case "maxLength":
        return where + String.format(Locale.ROOT, ": a value of %,d characters is longer than the %s allowed here",
            error.getInstanceNode().asText().length(), error.getSchemaNode().asText());
      case "additionalProperties":
      case "unevaluatedProperties":
        return "unknown key '" + error.getProperty() + "'";
      case "required":
        return where + " is missing required key '" + error.getProperty() + "'";
      case "pattern":
        return where + ": '" + abbreviate(error.getInstanceNode().asText()) + "' is not in the expected form";
      case "format":
        return where + ": '" + abbreviate(error.getInstanceNode().asText()) + "' is not a valid " + error.getSchemaNode().asText();
      default:
        String text = error.getMessage();
        // The validator prefixes the instance location; we print our own.
        String prefix = error.getInstanceLocation().toString() + ": ";
        if (text.startsWith(prefix)) {
          text = text.substring(prefix.length());
        }
        return where + ": " + text;
    }
  }

  private String hintFor(Error error, boolean json) {
    String keyword = String.valueOf(error.getKeyword());
    if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
      List<String> allowed = allowedKeys(error);
      if (!allowed.isEmpty()) {
        return DidYouMean.hint(error.getProperty(), allowed, "allowed keys here");
      }
    }
    if ("type".equals(keyword)) {
      JsonNode found = error.getInstanceNode();
      String expected = String.valueOf(error.getSchemaNode());
      if (found != null && found.isNull()) {
        return "leave the key out when there is no value";
      }
      if (found != null && found.isNumber() && expected.contains("string")) {
        return json ? "send it as a JSON string, in quotes: \"" + found.asText() + "\""
            : "quote it, \"" + found.asText() + "\", so YAML keeps it as text";
      }
      if (found != null && found.isValueNode() && expected.contains("array")) {
        return json ? "send a list, even of one: [" + found + "]" : "write a list, even of one: [" + found.asText() + "]";
      }
    }
    if ("const".equals(keyword) && error.getInstanceLocation().toString().equals("/schemaVersion")) {
      return "this build reads schemaVersion " + PolicySchema.SUPPORTED_VERSIONS;
    }
    if ("enum".equals(keyword) && error.getInstanceNode() != null && error.getInstanceNode().isValueNode()) {
      return DidYouMean.hint(error.getInstanceNode().asText(), enumValues(error), "allowed values");
    }
    boolean isDate = "date".equals(sibling(error, "format").asText());
    if (("pattern".equals(keyword) || "format".equals(keyword)) && (isDate || "format".equals(keyword))) {
      String hint = dev.precept.model.internal.Vocabulary.dateHint(error.getInstanceNode().asText());
      if (hint != null) {
        return hint;
      }
    }
    if ("pattern".equals(keyword)) {
      JsonNode custom = sibling(error, "patternErrorMessage");
      return custom.isTextual() ? custom.asText() : null;
    }
    if ("format".equals(keyword)) {
      return "write dates as YYYY-MM-DD";
    }
    return null;
  }

  private static List<String> enumValues(Error error) {
    List<String> values = new ArrayList<>();
    error.getSchemaNode().forEach(v -> values.add(v.asText()));
    return values;
  }

  private List<String> allowedKeys(Error error) {
    String location = String.valueOf(error.getSchemaLocation());
    int hash = location.indexOf('#');
    if (hash < 0) {
      return List.of();
    }
    String fragment = location.substring(hash + 1);
    int cut = fragment.lastIndexOf('/');
    if (cut < 0) {
      return List.of();
    }
    JsonNode properties = schemaTree.at(fragment.substring(0, cut) + "/properties");
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** How a message names the value at a pointer: 'title', or consequences[0] for a list item. */
  static String describe(String pointer) {
    if (pointer.isEmpty()) {
      return "the document";
    }
    String last = lastName(pointer);
    if (last.chars().allMatch(Character::isDigit)) {
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      return (parent.isEmpty() ? "" : lastName(parent)) + "[" + last + "]";
    }
    return "'" + last + "'";
  }

  private static String lastName(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }
}
