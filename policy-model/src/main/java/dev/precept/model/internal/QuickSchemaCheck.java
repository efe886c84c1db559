package dev.precept.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A quick, conservative answer to "does this value certainly conform to this JSON Schema (Draft
 * 2020-12)?", so that the full validator (slow to build at start-up, and slower per document) is
 * needed only for a document with problems, to describe them.
 *
 * <p>It knows the keywords Precept's schemas use and answers {@link Verdict#UNSURE} for anything
 * else (another keyword, a remote {@code $ref}, a format or a number it does not judge exactly),
 * so that {@link Verdict#VALID} is given only where the full validator reports no error. Patterns
 * are compiled and matched the way the full validator does ({@link JDKRegularExpressionFactory},
 * its default), lengths are counted in code points as it counts them.
 */
public final class QuickSchemaCheck {
  /** The answer for a value against a schema. */
  public enum Verdict {
    /** The value conforms: the full validator reports nothing. */
    VALID,
    /** The value certainly does not conform. */
    INVALID,
    /** Not judged here: ask the full validator. */
    UNSURE;

    Verdict and(Verdict other) {
      if (this == INVALID || other == INVALID) {
        return INVALID;
      }
      return this == UNSURE || other == UNSURE ? UNSURE : VALID;
    }

    Verdict not() {
      return this == VALID ? INVALID : this == INVALID ? VALID : UNSURE;
    }

    static Verdict of(boolean valid) {
      return valid ? VALID : INVALID;
    }
  }

  /** Keywords that only annotate: they never make a value fail. */
  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "$defs", "definitions", "title",
      "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "errorMessage",
      "patternErrorMessage", "markdownDescription");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern WEB_ADDRESS = Pattern.compile(
      "https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?"
          + "(?:/[A-Za-z0-9._~!$&'()*+,;=:@/-]*)?");
  private static final int MAX_DEPTH = 400;

  private final JsonNode root;
  private final Map<String, Optional<RegularExpression>> patterns = new ConcurrentHashMap<>();

  /** A check against this schema tree (its {@code $ref}s resolved within it). */
  public QuickSchemaCheck(JsonNode schema) {
    this.root = schema;
  }

  /** The verdict for a value against the whole schema. */
  public Verdict check(JsonNode value) {
    return check(root, value, 0, true);
  }

  private Verdict check(JsonNode schema, JsonNode value, int depth, boolean atRoot) {
    if (depth > MAX_DEPTH) {
      return Verdict.UNSURE;
    }
    if (schema.isBoolean()) {
      return Verdict.of(schema.booleanValue());
    }
    if (!schema.isObject()) {
      return Verdict.UNSURE;
    }
    Verdict verdict = Verdict.VALID;
    for (Iterator<Map.Entry<String, JsonNode>> keywords = schema.properties().iterator(); keywords.hasNext(); ) {
      Map.Entry<String, JsonNode> keyword = keywords.next();
      verdict = verdict.and(keyword(keyword.getKey(), keyword.getValue(), schema, value, depth, atRoot));
      if (verdict == Verdict.INVALID) {
        return verdict;
      }
    }
    return verdict;
  }

  private Verdict keyword(String name, JsonNode argument, JsonNode schema, JsonNode value, int depth, boolean atRoot) {
    if (ANNOTATIONS.contains(name)) {
      return Verdict.VALID;
    }
    switch (name) {
      case "$id":
        return atRoot ? Verdict.VALID : Verdict.UNSURE;
      case "$ref":
        return reference(argument, value, depth);
      case "type":
        return type(argument, value);
      case "enum":
        return oneOfValues(argument, value);
      case "const":
        return equalTo(argument, value);
      case "allOf":
        return allOf(argument, value, depth);
      case "oneOf":
        return oneOf(argument, value, depth);
      case "not":
        return check(argument, value, depth + 1, false).not();
      case "if":
        return conditional(argument, schema, value, depth);
      case "then":
      case "else":
        return Verdict.VALID; // judged with their "if"
      default:
        break;
    }
    if (value.isObject()) {
      return objectKeyword(name, argument, schema, value, depth);
    }
    if (value.isArray()) {
      return arrayKeyword(name, argument, value, depth);
    }
    if (value.isTextual()) {
      return textKeyword(name, argument, value.textValue());
    }
    if (value.isNumber()) {
      return numberKeyword(name, argument, value);
    }
    return value.isBoolean() || value.isNull() ? otherTypesKeyword(name) : Verdict.UNSURE;
  }

  private Verdict reference(JsonNode argument, JsonNode value, int depth) {
    if (!argument.isTextual() || !argument.textValue().startsWith("#")) {
      return Verdict.UNSURE;
    }
    String pointer = argument.textValue().substring(1);
    if (pointer.indexOf('%') >= 0 || (!pointer.isEmpty() && !pointer.startsWith("/"))) {
      return Verdict.UNSURE;
    }
    JsonNode target = root.at(pointer);
    return target.isMissingNode() ? Verdict.UNSURE : check(target, value, depth + 1, false);
  }

  private static Verdict type(JsonNode argument, JsonNode value) {
    if (argument.isTextual()) {
      return type(argument.textValue(), value);
    }
    if (!argument.isArray()) {
      return Verdict.UNSURE;
    }
    Verdict verdict = Verdict.INVALID;
    for (JsonNode each : argument) {
      Verdict one = each.isTextual() ? type(each.textValue(), value) : Verdict.UNSURE;
      if (one == Verdict.VALID) {
        return one;
      }
      if (one == Verdict.UNSURE) {
        verdict = Verdict.UNSURE;
      }
    }
    return verdict;
  }

  private static Verdict type(String type, JsonNode value) {
    switch (value.getNodeType()) {
      case BINARY:
      case POJO:
      case MISSING:
        return Verdict.UNSURE;
      default:
        break;
    }
    switch (type) {
      case "object":
        return Verdict.of(value.isObject());
      case "array":
        return Verdict.of(value.isArray());
      case "string":
        return Verdict.of(value.isTextual());
      case "boolean":
        return Verdict.of(value.isBoolean());
      case "null":
        return Verdict.of(value.isNull());
      case "number":
        return Verdict.of(value.isNumber());
      case "integer":
        if (value.isIntegralNumber()) {
          return Verdict.VALID;
        }
        return value.isNumber() ? Verdict.UNSURE : Verdict.INVALID; // 1.0 is an integer only with some settings
      default:
        return Verdict.UNSURE;
    }
  }

  private static Verdict oneOfValues(JsonNode argument, JsonNode value) {
    if (!argument.isArray()) {
      return Verdict.UNSURE;
    }
    for (JsonNode allowed : argument) {
      if (allowed.equals(value)) {
        return Verdict.VALID;
      }
    }
    return exactlyComparable(value) ? Verdict.INVALID : Verdict.UNSURE;
  }

  private static Verdict equalTo(JsonNode argument, JsonNode value) {
    if (argument.isNumber() && value.isNumber()) {
      // As the full validator compares two numbers: by value (1 and 1.0 are the same).
      return Verdict.of(argument.decimalValue().compareTo(value.decimalValue()) == 0);
    }
    if (argument.equals(value)) {
      return Verdict.VALID;
    }
    return exactlyComparable(value) ? Verdict.INVALID : Verdict.UNSURE;
  }

  /** Values whose tree equality is JSON equality whatever the other side (no numbers anywhere in them). */
  private static boolean exactlyComparable(JsonNode value) {
    if (value.isTextual() || value.isBoolean() || value.isNull()) {
      return true;
    }
    if (value.isContainerNode()) {
      for (JsonNode child : value) {
        if (!exactlyComparable(child)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private Verdict allOf(JsonNode argument, JsonNode value, int depth) {
    if (!argument.isArray()) {
      return Verdict.UNSURE;
    }
    Verdict verdict = Verdict.VALID;
    for (JsonNode schema : argument) {
      verdict = verdict.and(check(schema, value, depth + 1, false));
      if (verdict == Verdict.INVALID) {
        break;
      }
    }
    return verdict;
  }

  private Verdict oneOf(JsonNode argument, JsonNode value, int depth) {
    if (!argument.isArray()) {
      return Verdict.UNSURE;
    }
    int valid = 0;
    for (JsonNode schema : argument) {
      Verdict one = check(schema, value, depth + 1, false);
      if (one == Verdict.UNSURE) {
        return one;
      }
      if (one == Verdict.VALID) {
        valid++;
      }
    }
    return Verdict.of(valid == 1);
  }

  private Verdict conditional(JsonNode condition, JsonNode schema, JsonNode value, int depth) {
    Verdict holds = check(condition, value, depth + 1, false);
    if (holds == Verdict.UNSURE) {
      return holds;
    }
    JsonNode branch = schema.get(holds == Verdict.VALID ? "then" : "else");
    return branch == null ? Verdict.VALID : check(branch, value, depth + 1, false);
  }

  private Verdict objectKeyword(String name, JsonNode argument, JsonNode schema, JsonNode value, int depth) {
    switch (name) {
      case "properties": {
        if (!argument.isObject()) {
          return Verdict.UNSURE;
        }
        Verdict verdict = Verdict.VALID;
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext() && verdict != Verdict.INVALID; ) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode property = argument.get(field.getKey());
          if (property != null) {
            verdict = verdict.and(check(property, field.getValue(), depth + 1, false));
          }
        }
        return verdict;
      }
      case "additionalProperties": {
        if (schema.has("patternProperties")) {
          return Verdict.UNSURE;
        }
        JsonNode declared = schema.path("properties");
        Verdict verdict = Verdict.VALID;
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext() && verdict != Verdict.INVALID; ) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (!declared.has(field.getKey())) {
            verdict = verdict.and(check(argument, field.getValue(), depth + 1, false));
          }
        }
        return verdict;
      }
      case "required": {
        if (!argument.isArray()) {
          return Verdict.UNSURE;
        }
        for (JsonNode key : argument) {
          if (!key.isTextual()) {
            return Verdict.UNSURE;
          }
          if (!value.has(key.textValue())) {
            return Verdict.INVALID;
          }
        }
        return Verdict.VALID;
      }
      case "propertyNames": {
        Verdict verdict = Verdict.VALID;
        for (Iterator<String> names = value.fieldNames(); names.hasNext() && verdict != Verdict.INVALID; ) {
          verdict = verdict.and(check(argument, com.fasterxml.jackson.databind.node.TextNode.valueOf(names.next()),
              depth + 1, false));
        }
        return verdict;
      }
      case "minProperties":
        return argument.canConvertToExactIntegral() ? Verdict.of(value.size() >= argument.intValue()) : Verdict.UNSURE;
      case "maxProperties":
        return argument.canConvertToExactIntegral() ? Verdict.of(value.size() <= argument.intValue()) : Verdict.UNSURE;
      default:
        return otherTypesKeyword(name);
    }
  }

  private Verdict arrayKeyword(String name, JsonNode argument, JsonNode value, int depth) {
    switch (name) {
      case "items": {
        Verdict verdict = Verdict.VALID;
        for (Iterator<JsonNode> items = value.elements(); items.hasNext() && verdict != Verdict.INVALID; ) {
          verdict = verdict.and(check(argument, items.next(), depth + 1, false));
        }
        return verdict;
      }
      case "minItems":
        return argument.canConvertToExactIntegral() ? Verdict.of(value.size() >= argument.intValue()) : Verdict.UNSURE;
      case "maxItems":
        return argument.canConvertToExactIntegral() ? Verdict.of(value.size() <= argument.intValue()) : Verdict.UNSURE;
      case "uniqueItems":
        return argument.isBoolean() && !argument.booleanValue() ? Verdict.VALID : unique(value);
      default:
        return otherTypesKeyword(name);
    }
  }

  /** Distinct by tree equality; that is JSON equality only when no item holds a number. */
  private static Verdict unique(JsonNode array) {
    Set<JsonNode> seen = new HashSet<>();
    boolean exact = true;
    for (JsonNode item : array) {
      boolean comparable = exactlyComparable(item);
      if (!seen.add(item)) {
        return comparable ? Verdict.INVALID : Verdict.UNSURE;
      }
      exact &= comparable;
    }
    return exact ? Verdict.VALID : Verdict.UNSURE;
  }

  private Verdict textKeyword(String name, JsonNode argument, String text) {
    switch (name) {
      case "pattern": {
        Optional<RegularExpression> pattern = argument.isTextual()
            ? patterns.computeIfAbsent(argument.textValue(), QuickSchemaCheck::compile)
            : Optional.empty();
        return pattern.map(p -> Verdict.of(p.matches(text))).orElse(Verdict.UNSURE);
      }
      case "minLength":
        return argument.canConvertToExactIntegral() ? Verdict.of(length(text) >= argument.intValue()) : Verdict.UNSURE;
      case "maxLength":
        return argument.canConvertToExactIntegral() ? Verdict.of(length(text) <= argument.intValue()) : Verdict.UNSURE;
      case "format":
        return format(argument.asText(), text);
      default:
        return otherTypesKeyword(name);
    }
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static Optional<RegularExpression> compile(String pattern) {
    try {
      return Optional.of(JDKRegularExpressionFactory.getInstance().getRegularExpression(pattern));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Only plain forms are judged valid here; anything unusual is left to the full validator. */
  private static Verdict format(String format, String text) {
    switch (format) {
      case "date":
        if (DATE.matcher(text).matches()) {
          try {
            LocalDate date = LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)),
                Integer.parseInt(text.substring(8, 10)));
            return date.getYear() >= 1 ? Verdict.VALID : Verdict.UNSURE;
          } catch (DateTimeException e) {
            return Verdict.UNSURE;
          }
        }
        return Verdict.UNSURE;
      case "uri":
        return WEB_ADDRESS.matcher(text).matches() ? Verdict.VALID : Verdict.UNSURE;
      default:
        return Verdict.UNSURE;
    }
  }

  private static Verdict numberKeyword(String name, JsonNode argument, JsonNode value) {
    switch (name) {
      case "minimum":
        return value.isIntegralNumber() && argument.isIntegralNumber()
            ? Verdict.of(value.bigIntegerValue().compareTo(argument.bigIntegerValue()) >= 0) : Verdict.UNSURE;
      case "maximum":
        return value.isIntegralNumber() && argument.isIntegralNumber()
            ? Verdict.of(value.bigIntegerValue().compareTo(argument.bigIntegerValue()) <= 0) : Verdict.UNSURE;
      default:
        return otherTypesKeyword(name);
    }
  }

  /** A keyword for another type of value than this one's is ignored; one not known here is not judged. */
  private static Verdict otherTypesKeyword(String name) {
    switch (name) {
      case "properties":
      case "additionalProperties":
      case "required":
      case "propertyNames":
      case "minProperties":
      case "maxProperties":
      case "items":
      case "minItems":
      case "maxItems":
      case "uniqueItems":
      case "pattern":
      case "minLength":
      case "maxLength":
      case "format":
      case "minimum":
      case "maximum":
        return Verdict.VALID;
      default:
        return Verdict.UNSURE;
    }
  }
}
