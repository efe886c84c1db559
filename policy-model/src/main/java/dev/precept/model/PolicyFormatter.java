package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.internal.Mappers;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rewrites a policy's YAML in Precept's canonical layout, keeping its comments, so that reviews
 * of a policy diff cleanly: keys in the schema's order, two-space indentation, list items indented
 * under their key, short lists of ids on one line, quotes only where YAML needs them, long text
 * wrapped at 100 columns.
 *
 * <p>Formatting never changes what the policy says: the result has the same digest as the input,
 * and is refused with an exception if it would not.
 *
 * <pre>{@code
 * String tidy = PolicyFormatter.format(Files.readString(file), file.toString());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PolicyFormatter {
  private static final int WIDTH = 100;
  /** A list item whose mapping carries comments or blank lines: the emitter writes them after the '-'. */
  private static final java.util.regex.Pattern ITEM_COMMENT = java.util.regex.Pattern.compile(
      "^( *)- (#[^\\n]*)?\\n((?:[ \\t]*(?:#[^\\n]*)?\\n)*?)( *)([^\\s#])", java.util.regex.Pattern.MULTILINE);
  private static final org.yaml.snakeyaml.resolver.Resolver RESOLVER = new org.yaml.snakeyaml.resolver.Resolver();
  private static final JsonNode SCHEMA = schemaTree();

  private PolicyFormatter() {}

  private static JsonNode schemaTree() {
    try {
      return Mappers.json().readTree(PolicySchema.text());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("policy schema is not JSON", e);
    }
  }

  /**
   * The policy in canonical layout.
   *
   * @param source the name problems are reported under
   * @throws PolicyValidationException when the text is not a valid policy (nothing is formatted
   *     until it is)
   * @throws PolicyException in the unexpected case that the layout would change the digest
   */
  public static String format(String yaml, String source) {
    Objects.requireNonNull(yaml, "PolicyFormatter.format needs the policy's text, not null");
    Policy before = PolicyLoader.standard().parse(yaml, source);
    LoaderOptions loading = new LoaderOptions();
    loading.setProcessComments(true);
    loading.setMaxAliasesForCollections(0);
    loading.setCodePointLimit(ReadLimits.STANDARD.maxBytes());
    DumperOptions dumping = new DumperOptions();
    dumping.setProcessComments(true);
    dumping.setIndent(2);
    dumping.setIndicatorIndent(2);
    dumping.setIndentWithIndicator(true);
    dumping.setWidth(WIDTH);
    dumping.setSplitLines(true);
    dumping.setLineBreak(DumperOptions.LineBreak.UNIX);
    dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Yaml yamlIo = new Yaml(loading, dumping);
    Node root = yamlIo.compose(new StringReader(dev.precept.model.internal.LocatedTreeReader.protectQuestionMarks(yaml)));
    root = arrange(root, SCHEMA);
    StringWriter out = new StringWriter();
    yamlIo.serialize(root, out);
    // A comment or blank line before a list item is attached to the item's mapping, which the
    // emitter writes after the item's '-': put it back above the '-'.
    String formatted = dev.precept.model.internal.LocatedTreeReader.restoreQuestionMarks(
        ITEM_COMMENT.matcher(out.toString()).replaceAll(PolicyFormatter::commentsAboveItem));
    Policy after;
    try {
      after = PolicyLoader.standard().parse(formatted.getBytes(StandardCharsets.UTF_8), source + " (formatted)");
    } catch (PolicyValidationException e) {
      throw new PolicyException(source + ": formatting would make the policy invalid; the file is left as it is", e);
    }
    if (!PolicyDigest.of(before).equals(PolicyDigest.of(after))) {
      throw new PolicyException(source + ": formatting would change the policy's digest; the file is left as it is");
    }
    return formatted;
  }

  /** Whether the text is already in canonical layout. */
  public static boolean isFormatted(String yaml, String source) {
    return format(yaml, source).equals(yaml);
  }

  private static Node arrange(Node node, JsonNode schema) {
    JsonNode s = resolve(schema);
    if (node instanceof MappingNode mapping) {
      mapping.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
      if (s.path("additionalProperties").isObject() && !s.has("properties")
          && mapping.getValue().stream().allMatch(t -> t.getValueNode() instanceof ScalarNode) && mapping.getValue().size() <= 4) {
        // A person's few attribute values read best on one line: {adult: true}.
        mapping.setFlowStyle(DumperOptions.FlowStyle.FLOW);
      }
      List<String> order = new ArrayList<>();
      s.path("properties").fieldNames().forEachRemaining(order::add);
      List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
      tuples.sort(Comparator.comparingInt(t -> {
        int at = order.indexOf(key(t));
        return at < 0 ? Integer.MAX_VALUE : at;
      }));
      // Known keys take the schema's order; keys the schema does not list (attribute and fact
      // values under 'attributes') keep theirs: the sort is stable.
      if (!tuples.isEmpty() && tuples.get(0) != mapping.getValue().get(0)) {
        // Comments above a mapping's first key (a file's header) stay at the top of the mapping.
        Node wasFirst = mapping.getValue().get(0).getKeyNode();
        Node nowFirst = tuples.get(0).getKeyNode();
        List<org.yaml.snakeyaml.comments.CommentLine> leading = new ArrayList<>();
        if (wasFirst.getBlockComments() != null) {
          leading.addAll(wasFirst.getBlockComments());
        }
        if (nowFirst.getBlockComments() != null) {
          leading.addAll(nowFirst.getBlockComments());
        }
        wasFirst.setBlockComments(null);
        nowFirst.setBlockComments(leading.isEmpty() ? null : leading);
      }
      List<NodeTuple> arranged = new ArrayList<>();
      for (NodeTuple tuple : tuples) {
        JsonNode child = s.path("properties").path(key(tuple));
        if (child.isMissingNode()) {
          child = s.path("additionalProperties");
        }
        arranged.add(new NodeTuple(tuple.getKeyNode(), arrange(tuple.getValueNode(), child)));
      }
      mapping.setValue(arranged);
      return mapping;
    } else if (node instanceof SequenceNode sequence) {
      boolean scalars = sequence.getValue().stream().allMatch(n -> n instanceof ScalarNode scalar && scalar.getValue().length() < 40
          && scalar.getValue().indexOf('\n') < 0);
      sequence.setFlowStyle(scalars && !sequence.getValue().isEmpty() && sequence.getValue().size() <= 6
          ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
      List<Node> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(arrange(item, s.path("items")));
      }
      sequence.getValue().clear();
      sequence.getValue().addAll(items);
      return sequence;
    } else if (node instanceof ScalarNode scalar) {
      DumperOptions.ScalarStyle style = scalar.getScalarStyle();
      if (style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
        if (scalar.getValue().indexOf('\n') < 0) {
          // Quotes only where YAML needs them, and then double quotes: text that would read as a
          // number, a date or true/false ("2016.1"); the emitter quotes other text that needs it.
          boolean looksTyped = !RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, scalar.getValue(), true)
              .equals(org.yaml.snakeyaml.nodes.Tag.STR);
          ScalarNode plain = new ScalarNode(scalar.getTag(), true, scalar.getValue(), scalar.getStartMark(), scalar.getEndMark(),
              looksTyped ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN);
          plain.setBlockComments(scalar.getBlockComments());
          plain.setInLineComments(scalar.getInLineComments());
          plain.setEndComments(scalar.getEndComments());
          return plain;
        }
      }
    }
    return node;
  }

  /** The comments and blank lines the emitter wrote after an item's '-', moved above it at the '-''s indentation. */
  private static String commentsAboveItem(java.util.regex.MatchResult item) {
    String indent = item.group(1);
    StringBuilder above = new StringBuilder();
    if (item.group(2) != null) {
      above.append(indent).append(item.group(2)).append('\n');
    }
    item.group(3).lines().forEach(line -> above.append(line.isBlank() ? "" : indent + line.strip()).append('\n'));
    return java.util.regex.Matcher.quoteReplacement(above + indent + "- " + item.group(5));
  }

  private static String key(NodeTuple tuple) {
    return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
  }

  private static JsonNode resolve(JsonNode node) {
    int guard = 0;
    JsonNode s = node;
    while (s.has("$ref") && guard++ < 10) {
      s = SCHEMA.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }
}
