package dev.precept.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables in a master policy's text, written {@code {{academy.name}}}. They are data: a value is
 * put in as plain text, in one pass (a value is never read for placeholders again), and nothing is
 * evaluated. Only prose fields hold them: {@link #TEXT_KEYS}.
 */
public final class Placeholders {
  /** The keys whose string values may use variables. */
  public static final Set<String> TEXT_KEYS = Set.of("text", "title", "formalTitle", "description",
      "organisation", "shortTitle", "action", "summary");

  /** {{ name }}: the name in group 1. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*\\}\\}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

  private Placeholders() {}

  /** One use of a variable, or a malformed brace pair, in a string. */
  public record Use(String name, boolean wellFormed) {}

  /** The placeholders in a string, in order; an unmatched {@code {{} or {@code }}} is a malformed use. */
  public static List<Use> uses(String text) {
    List<Use> uses = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      rest.append(text, last, m.start());
      last = m.end();
      uses.add(new Use(m.group(1), NAME.matcher(m.group(1)).matches()));
    }
    rest.append(text.substring(last));
    if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
      uses.add(new Use(rest.toString().strip(), false));
    }
    return uses;
  }

  /** The text with each {{name}} replaced by its value; names without a value are left as written. */
  public static String substitute(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Visits every string in the tree with its JSON pointer and whether its key is a prose field. */
  public static void visitStrings(JsonNode node, String pointer, boolean prose, StringVisitor visitor) {
    if (node.isTextual()) {
      visitor.visit(pointer, node.asText(), prose);
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        visitStrings(field.getValue(), pointer + "/" + LocatedTreeReader.escape(field.getKey()),
            TEXT_KEYS.contains(field.getKey()), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visitStrings(node.get(i), pointer + "/" + i, prose, visitor);
      }
    }
  }

  /** Replaces the variables in every prose string of the tree, in place. */
  public static void substituteAll(JsonNode node, Map<String, String> values) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual() && TEXT_KEYS.contains(name)) {
          object.set(name, TextNode.valueOf(substitute(child.asText(), values)));
        } else {
          substituteAll(child, values);
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        substituteAll(array.get(i), values);
      }
    }
  }

  /** Receives strings from {@link #visitStrings}. */
  @FunctionalInterface
  public interface StringVisitor {
    /** One string value. */
    void visit(String pointer, String value, boolean prose);
  }
}
