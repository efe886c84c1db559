package dev.precept.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into a Jackson tree while recording where each value was written. Building the tree
 * ourselves (rather than with {@code readTree}) lets us report every duplicate key, refuse anchors
 * and aliases outright, and keep line and column for every JSON pointer. Text that is valid JSON is
 * read as JSON (JSON is nearly YAML, but a tab between tokens, the {@code \/} escape or a number
 * such as {@code 1e5} read differently or not at all as YAML 1.1); anything else is read as YAML.
 */
public final class LocatedTreeReader {
  private static final Pattern PLAIN_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):(?: |$)");
  /**
   * The tree and, for each JSON pointer, its {line, column}; and, when the caller asked to keep
   * them, the duplicate keys found (the tree holds each key's first value).
   */
  public record Result(JsonNode root, Map<String, int[]> locations, List<Diagnostic> duplicateKeys, boolean json) {
    Result(JsonNode root, Map<String, int[]> locations, boolean json) {
      this(root, locations, List.of(), json);
    }
  }

  private final String source;
  private final JsonParser parser;
  /** Whether the text was protected by {@link #protectQuestionMarks} (YAML) or read as it is (JSON). */
  private final boolean yaml;
  private int maxScalarLength = Integer.MAX_VALUE;
  private Map<Integer, int[]> oversized = Map.of();
  private final Map<String, int[]> locations = new HashMap<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  private LocatedTreeReader(String source, JsonParser parser) {
    this.source = source;
    this.parser = parser;
    this.yaml = parser instanceof YAMLParser;
  }

  /**
   * Reads one YAML document.
   *
   * @throws PolicyValidationException with every problem found when it cannot be accepted
   */
  public static Result read(byte[] bytes, String source, ReadLimits limits) {
    return read(bytes, source, limits, false);
  }

  /**
   * Reads one YAML document as {@link #read}, except that duplicate keys, when they are the only
   * problem, are returned with the tree rather than thrown, so that a caller can report them
   * together with the problems it finds in the rest of the document.
   *
   * @throws PolicyValidationException with every problem found when it cannot be read at all
   */
  public static Result readKeepingDuplicateKeys(byte[] bytes, String source, ReadLimits limits) {
    return read(bytes, source, limits, true);
  }

  private static Result read(byte[] bytes, String source, ReadLimits limits, boolean keepDuplicateKeys) {
    if (bytes.length > limits.maxBytes()) {
      throw fail(Diagnostic.TOO_LARGE, source, 0, 0, String.format(Locale.ROOT,
          "file is %,d bytes, more than the %,d bytes a policy file may have", bytes.length,
          limits.maxBytes()), "split the file or raise the limit if this is really one policy");
    }
    String text = decode(bytes, source);
    if (text.isBlank()) {
      throw fail(Diagnostic.MISSING, source, 1, 1, "file is empty", STARTS);
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int[] where = lineAndColumn(text, nul);
      throw fail(Diagnostic.ENCODING, source, where[0], where[1], "file contains a NUL character: this looks like a binary file, not YAML", null);
    }
    boolean json = startsLikeJson(text);
    if (json) {
      Optional<Result> read = readJson(text, source, limits);
      if (read.isPresent()) {
        return read.get();
      }
    }
    String asWritten = text;
    Map<Integer, int[]> oversized = new HashMap<>();
    text = protectQuestionMarks(cutOversizedValues(text, limits.maxScalarLength(), oversized));
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Math.max(limits.maxBytes(), 1));
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(limits.maxDepth());
    YAMLFactory factory = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxScalarLength())
            .maxNameLength(1024)
            .build())
        .build();
    try (YAMLParser parser = factory.createParser(text)) {
      LocatedTreeReader reader = new LocatedTreeReader(source, parser);
      reader.maxScalarLength = limits.maxScalarLength();
      reader.oversized = oversized;
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw fail(Diagnostic.MISSING, source, 1, 1, "file holds no YAML document", STARTS);
      }
      JsonNode root = reader.value("");
      JsonToken after = parser.nextToken();
      if (after != null) {
        JsonLocation at = parser.currentTokenLocation();
        reader.problems.add(problem(Diagnostic.YAML_FEATURE, source, at.getLineNr(), at.getColumnNr(), "",
            "file holds more than one YAML document ('---')", "keep one policy per file"));
      }
      reader.problems.sort(Diagnostic.IN_READING_ORDER);
      boolean onlyDuplicateKeys = reader.problems.stream().allMatch(d -> d.code().equals(Diagnostic.DUPLICATE_KEY));
      if (!reader.problems.isEmpty() && !(keepDuplicateKeys && onlyDuplicateKeys)) {
        throw new PolicyValidationException(reader.problems);
      }
      return new Result(root, Map.copyOf(reader.locations), List.copyOf(reader.problems), false);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw fail(Diagnostic.TOO_LARGE, source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "input is too large or too deeply nested: " + beyond(e, limits),
          "a policy needs at most " + limits.maxDepth() + " levels of nesting");
    } catch (JsonProcessingException e) {
      throw json ? jsonSyntaxError(source, asWritten) : withEveryTab(syntaxError(source, text, e), factory, source, text);
    } catch (IOException e) {
      throw fail(Diagnostic.YAML_SYNTAX, source, 0, 0, "could not read YAML: " + e.getMessage(), null);
    } catch (RuntimeException e) {
      // SnakeYAML reports some limits (code points, nesting) as its own unchecked exceptions.
      if (e instanceof PolicyValidationException p) {
        throw p;
      }
      throw json ? jsonSyntaxError(source, asWritten)
          : fail(Diagnostic.YAML_SYNTAX, source, 0, 0, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())), null);
    }
  }

  /**
   * Text that starts like JSON ('{' or '[') and is neither JSON nor YAML was meant as JSON (an
   * incident from another system, a ruling line): say where it stops being JSON, in words, rather
   * than what the YAML parser made of it.
   */
  private static PolicyValidationException jsonSyntaxError(String source, String text) {
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      parser.nextToken();
      parser.skipChildren();
      parser.nextToken(); // the JSON reader refused it, so something follows the first value
      JsonLocation at = parser.currentTokenLocation();
      return fail(Diagnostic.YAML_SYNTAX, source, at.getLineNr(), at.getColumnNr(), "not valid JSON: more follows the first value",
          "keep one JSON value (one object) per file");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException
          || at != null && text.substring((int) Math.min(text.length(), Math.max(0, at.getCharOffset()))).isBlank()) {
        return fail(Diagnostic.YAML_SYNTAX, source, line, column, "not valid JSON: it ends before the JSON is complete",
            "close every string, '{' and '['; or the text was cut short");
      }
      return fail(Diagnostic.YAML_SYNTAX, source, line, column, "not valid JSON", "look just before line " + line + ", column "
          + column + ": a missing comma or quote, a comma before '}' or ']', single quotes, or text after the object");
    } catch (IOException e) {
      return fail(Diagnostic.YAML_SYNTAX, source, 0, 0, "not valid JSON", null);
    }
  }

  private static boolean startsLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /**
   * Reads text that starts like JSON with Jackson's JSON parser, with the same limits, the same
   * located problems (every duplicate key, every value over the length limit) and the same tree as
   * the YAML reader would give for JSON it can read; empty when the text is not valid JSON, which
   * the YAML reader then reads (a YAML flow mapping) or refuses with its own message.
   */
  private static Optional<Result> readJson(String text, String source, ReadLimits limits) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            // each over-long value is reported at its place by value(), not as the first failure
            .maxStringLength(Math.max(limits.maxScalarLength(), limits.maxBytes()))
            .maxNameLength(1024)
            .build())
        .build();
    try (JsonParser parser = factory.createParser(text)) {
      LocatedTreeReader reader = new LocatedTreeReader(source, parser);
      reader.maxScalarLength = limits.maxScalarLength();
      parser.nextToken();
      JsonNode root = reader.value("");
      JsonToken after = parser.nextToken();
      if (after != null) {
        return Optional.empty(); // more after the value: not one JSON document
      }
      if (!reader.problems.isEmpty()) {
        reader.problems.sort(Diagnostic.IN_READING_ORDER);
        throw new PolicyValidationException(reader.problems);
      }
      return Optional.of(new Result(root, Map.copyOf(reader.locations), true));
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw fail(Diagnostic.TOO_LARGE, source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "input is too large or too deeply nested: " + beyond(e, limits),
          "nest objects and arrays at most " + limits.maxDepth() + " levels deep");
    } catch (IOException e) {
      return Optional.empty(); // not valid JSON: read it as YAML
    }
  }

  private String text(String value) {
    return yaml ? restoreQuestionMarks(value) : value;
  }

  /**
   * A value over the length limit, said in the words of what was read: a policy file's YAML, or
   * JSON sent by another system (an incident, a ruling request, a batch line).
   */
  private Diagnostic tooLong(String pointer, JsonLocation start, int length) {
    if (yaml) {
      return problem(Diagnostic.TOO_LARGE, source, start.getLineNr(), start.getColumnNr(), pointer, String.format(Locale.ROOT,
          "a value of %,d characters is longer than the %,d a policy file allows", length, maxScalarLength),
          "a clause's text is a paragraph, not a document");
    }
    return problem(Diagnostic.TOO_LARGE, source, start.getLineNr(), start.getColumnNr(), pointer, String.format(Locale.ROOT,
        "a value of %,d characters is longer than the %,d one JSON value may have", length, maxScalarLength),
        "send a summary, not a whole document: one value is a word or a paragraph");
  }

  private JsonNode value(String pointer) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    int[] cut = oversized.get(start.getLineNr());
    if (cut != null && cut[0] == start.getColumnNr() && parser.currentToken().isScalarValue()) {
      problems.add(tooLong(pointer, start, cut[1]));
      return nodes.textNode("");
    }
    locations.putIfAbsent(pointer, new int[] {start.getLineNr(), start.getColumnNr()});
    checkAnchor(pointer, start);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = text(parser.currentName());
          JsonLocation keyAt = parser.currentTokenLocation();
          String child = pointer + "/" + escape(name);
          parser.nextToken();
          if (object.has(name)) {
            int[] first = locations.get(child);
            problems.add(problem(Diagnostic.DUPLICATE_KEY, source, keyAt.getLineNr(), keyAt.getColumnNr(), child,
                "duplicate key '" + name + "'" + (first == null ? "" : " (first at line " + first[0] + ")"),
                "a key may appear once in a mapping: merge the two or remove one"));
            value(child + "#dup");
            continue;
          }
          locations.put(child, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
          object.set(name, value(child));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(pointer + "/" + index++));
        }
        return array;
      }
      case VALUE_STRING:
        // Jackson's YAML parser does not apply its string-length constraint: check it here.
        if (parser.getTextLength() > maxScalarLength) {
          problems.add(tooLong(pointer, start, parser.getTextLength()));
          return nodes.textNode("");
        }
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
          problems.add(problem(Diagnostic.YAML_FEATURE, source, start.getLineNr(), start.getColumnNr(), pointer,
              "YAML alias '*" + restoreQuestionMarks(parser.getText()) + "' is not allowed",
              "write the value out in full: policy files do not use anchors and aliases"));
        }
        return nodes.textNode(text(parser.getText()));
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? nodes.numberNode(parser.getBigIntegerValue())
            : nodes.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        return nodes.textNode(text(parser.getText()));
    }
  }

  private void checkAnchor(String pointer, JsonLocation at) throws IOException {
    if (!(parser instanceof YAMLParser yamlParser)) {
      return;
    }
    String anchor = yamlParser.getObjectId();
    if (anchor != null && !yamlParser.isCurrentAlias()) {
      problems.add(problem(Diagnostic.YAML_FEATURE, source, at.getLineNr(), at.getColumnNr(), pointer,
          "YAML anchor '&" + anchor + "' is not allowed",
          "write each value out in full: policy files do not use anchors and aliases"));
    }
    Object tag = yamlParser.getTypeId();
    if (tag != null) {
      problems.add(problem(Diagnostic.YAML_FEATURE, source, at.getLineNr(), at.getColumnNr(), pointer,
          "YAML tag '" + tag + "' is not allowed", "remove the tag: values are plain text, numbers or true/false"));
    }
  }

  private static String decode(byte[] bytes, String source) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int bad = firstBadByte(bytes);
      String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int[] where = lineAndColumn(prefix, prefix.length());
      throw fail(Diagnostic.ENCODING, source, where[0], where[1], String.format(Locale.ROOT,
          "file is not valid UTF-8: byte 0x%02X at offset %d", bytes[bad] & 0xff, bad),
          "save the file as UTF-8");
    }
  }

  private static int firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult result = decoder.decode(in, out, true);
    // On a malformed sequence the decoder stops with the input positioned at its first byte.
    return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
  }

  /**
   * Stands in, while SnakeYAML reads, for a {@code ?} that ends or sits inside a word. SnakeYAML
   * follows YAML 1.1 and ends a plain value at a {@code ?} inside a flow collection, so
   * {@code { text: Is this allowed? }} would fail; YAML 1.2 reads the {@code ?} as part of the
   * text. A noncharacter, one char for one char, so every line and column stays where it was.
   */
  private static final char QUESTION_MARK_STAND_IN = '\uFDD0';

  /**
   * The text with each {@code ?} that follows a character of a word (not a space, a line break,
   * an opening brace or bracket, or a comma, after which it could be YAML's key indicator) replaced by a stand-in
   * that {@link #restoreQuestionMarks} turns back; the text as it is when it already holds the stand-in.
   */
  public static String protectQuestionMarks(String text) {
    if (text.indexOf('?') < 0 || text.indexOf(QUESTION_MARK_STAND_IN) >= 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 1; i < chars.length; i++) {
      char before = chars[i - 1];
      if (chars[i] == '?' && !Character.isWhitespace(before) && before != '{' && before != '[' && before != ',') {
        chars[i] = QUESTION_MARK_STAND_IN;
      }
    }
    return new String(chars);
  }

  /** A value read from text protected by {@link #protectQuestionMarks}, with its question marks back. */
  public static String restoreQuestionMarks(String value) {
    return value == null || value.indexOf(QUESTION_MARK_STAND_IN) < 0 ? value : value.replace(QUESTION_MARK_STAND_IN, '?');
  }

  static int[] lineAndColumn(String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  /**
   * Replaces each value on a line longer than the scalar limit by an empty one before the YAML
   * parser sees it, remembering where it was and how long, so a huge value is refused in time and
   * memory proportional to the file, not to the parser's handling of one enormous token.
   */
  static String cutOversizedValues(String text, int limit, Map<Integer, int[]> oversized) {
    StringBuilder out = null;
    int line = 1;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      // Only the value is measured, not its key or indentation; a comment is left to the parser.
      int valueAt = end - start > limit ? valueStart(text, start, end) : end;
      int valueEnd = end - valueAt > limit ? valueEnd(text, valueAt, end) : end;
      if (valueEnd - valueAt > limit && text.charAt(valueAt) != '#') {
        if (out == null) {
          out = new StringBuilder(text.length() / 2);
          out.append(text, 0, start);
        }
        out.append(text, start, valueAt).append("''");
        oversized.put(line, new int[] {valueAt - start + 1, valueEnd - valueAt});
      } else if (out != null) {
        out.append(text, start, end);
      }
      if (end == text.length()) {
        break;
      }
      if (out != null) {
        out.append('\n');
      }
      start = end + 1;
      line++;
    }
    return out == null ? text : out.toString();
  }

  private static int valueStart(String text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    while (i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == ' ') {
      i += 2;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
    }
    int searchEnd = Math.min(end, i + 1024);
    int colon = text.indexOf(": ", i);
    if (colon >= 0 && colon < searchEnd) {
      i = colon + 2;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
    } else if (opensABlock(text, i, end)) {
      return end; // "signatories:" and the like: a key whose value is on the lines below, nothing to measure here
    }
    return i;
  }

  /** Whether a line's text ends with a colon: a key whose value is the block below it. */
  private static boolean opensABlock(String text, int from, int end) {
    int last = end;
    while (last > from && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\r')) {
      last--;
    }
    return last > from && text.charAt(last - 1) == ':';
  }

  /**
   * Where a value starting at {@code valueAt} ends on its line: before a comment ({@code " #"}) when
   * it is a plain value, where a comment always begins; at the end of the line for a quoted value or
   * a flow collection, whose text may hold {@code " #"}.
   */
  private static int valueEnd(String text, int valueAt, int end) {
    char first = text.charAt(valueAt);
    if (first == '\'' || first == '"' || first == '[' || first == '{') {
      return end;
    }
    int comment = text.indexOf(" #", valueAt);
    return comment >= 0 && comment < end ? comment : end;
  }

  /**
   * A YAML syntax error as a clerk can act on it: at the character the parser stopped at (not the
   * start of the enclosing block), a tab named as a tab, and wrong indentation said as such.
   */
  private static PolicyValidationException syntaxError(String source, String text, JsonProcessingException e) {
    int line = 0;
    int column = 0;
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
      line = marked.getProblemMark().getLine() + 1;
      column = marked.getProblemMark().getColumn() + 1;
    } else if (e.getLocation() != null) {
      line = e.getLocation().getLineNr();
      column = e.getLocation().getColumnNr();
    }
    String[] lines = text.split("\n", -1);
    String message = yamlMessage(e);
    // A tab in the indentation: report the first one, where it is.
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      int indentEnd = 0;
      while (indentEnd < l.length() && (l.charAt(indentEnd) == ' ' || l.charAt(indentEnd) == '\t')) {
        indentEnd++;
      }
      int tab = l.substring(0, indentEnd).indexOf('\t');
      if (tab >= 0 && indentEnd < l.length() && (message.contains("\\t") || message.contains("TAB") || i + 1 >= line - 1)) {
        return fail(Diagnostic.YAML_SYNTAX, source, i + 1, tab + 1, "a tab indents line " + (i + 1),
            "YAML indents with spaces, never tabs: replace the tab with spaces that line up with the lines around it");
      }
    }
    if (line > 1 && line <= lines.length) {
      int previous = line - 2;
      while (previous >= 0 && (lines[previous].isBlank() || lines[previous].strip().startsWith("#"))) {
        previous--;
      }
      if (previous >= 0) {
        int here = indent(lines[line - 1]);
        int before = indent(lines[previous]);
        String above = lines[previous].strip();
        boolean opensBlock = above.endsWith(":") || above.endsWith("|") || above.endsWith(">") || above.endsWith("-");
        boolean listItem = lines[line - 1].strip().startsWith("- ");
        if (above.startsWith("- ") && !opensBlock && !listItem && !lines[line - 1].isBlank()) {
          // A key under "- id: x": its siblings start where 'id' does, after the dash.
          int keys = itemKeysStart(lines[previous]);
          String aboveKey = key(lines[previous].substring(keys));
          if (here != keys && !aboveKey.isEmpty()) {
            String thisKey = key(lines[line - 1].strip());
            return fail(Diagnostic.YAML_SYNTAX, source, line, here + 1, String.format(Locale.ROOT,
                "wrong indentation: line %d is indented %d %s, but the keys of the list item on line %d above it start after %d",
                line, here, here == 1 ? "space" : "spaces", previous + 1, keys),
                String.format(Locale.ROOT, "keys of one mapping start in the same column: indent line %d by %d spaces%s on line %d",
                    line, keys, thisKey.isEmpty() ? ", like the first key" : ", so '" + thisKey + "' lines up with '" + aboveKey + "'",
                    previous + 1));
          }
        }
        if (here != before && !opensBlock && !listItem && !above.startsWith("- ") && !lines[line - 1].isBlank()) {
          return fail(Diagnostic.YAML_SYNTAX, source, line, here + 1, String.format(Locale.ROOT,
              "wrong indentation: line %d is indented %d %s, but line %d above it is indented %d", line, here,
              here == 1 ? "space" : "spaces", previous + 1, before),
              String.format(Locale.ROOT, "keys of one mapping start in the same column: indent line %d by %d spaces like line %d,"
                  + " or put it under a key that ends with ':'", line, before, previous + 1));
        }
      }
    }
    return fail(Diagnostic.YAML_SYNTAX, source, line, column, "not valid YAML: " + message, syntaxHint(e));
  }

  /** Where the keys of a list item's mapping start: after its dashes and the spaces after them. */
  private static int itemKeysStart(String line) {
    int i = indent(line);
    while (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
      i += 2;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** The plain key a line starts with ({@code kind} in {@code kind: rule}), or empty when it starts with none. */
  private static String key(String content) {
    Matcher key = PLAIN_KEY.matcher(content);
    return key.lookingAt() ? key.group(1) : "";
  }

  /**
   * A tab in the indentation stops the parser at the first one; text pasted from Word often has
   * several. Each tab line found is blanked and the text read again, so every tab the parser would
   * stop at is reported at once. Only tabs are collected this way: any other error met after a line
   * was blanked may come from the blanking itself, and is not reported.
   */
  private static PolicyValidationException withEveryTab(PolicyValidationException first, YAMLFactory factory, String source, String text) {
    Diagnostic found = first.diagnostics().get(0);
    if (first.diagnostics().size() != 1 || !isTab(found)) {
      return first;
    }
    List<Diagnostic> tabs = new ArrayList<>(List.of(found));
    String[] lines = text.split("\n", -1);
    for (int round = 0; round < 100; round++) {
      lines[tabs.get(tabs.size() - 1).line() - 1] = "";
      String blanked = String.join("\n", lines);
      try (YAMLParser parser = factory.createParser(blanked)) {
        while (parser.nextToken() != null) {
          parser.skipChildren();
        }
        break;
      } catch (JsonProcessingException e) {
        String said = String.valueOf(e.getOriginalMessage());
        boolean aboutTabs = said.contains("\\t") || said.toLowerCase(Locale.ROOT).contains("tab");
        Diagnostic next = syntaxError(source, blanked, e).diagnostics().get(0);
        if (!aboutTabs || !isTab(next) || next.line() <= tabs.get(tabs.size() - 1).line()) {
          break;
        }
        tabs.add(next);
      } catch (IOException | RuntimeException e) {
        break;
      }
    }
    return new PolicyValidationException(tabs);
  }

  private static boolean isTab(Diagnostic d) {
    return d.code().equals(Diagnostic.YAML_SYNTAX) && d.message().startsWith("a tab indents line");
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String yamlMessage(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    // SnakeYAML's message is a context sentence and a problem sentence, each followed by where it
    // is (" in 'reader', line ...") and an excerpt of the file with a caret; keep the sentences.
    StringBuilder kept = new StringBuilder();
    String[] lines = message.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("at [Source")) {
        break;
      }
      if (l.startsWith("in 'reader'")) {
        if (i + 2 < lines.length && lines[i + 2].strip().equals("^")) {
          i += 2; // the excerpt and its caret
        }
        continue;
      }
      if (l.isEmpty() || l.equals("^")) {
        continue;
      }
      if (kept.length() > 0) {
        kept.append("; ");
      }
      kept.append(l);
    }
    return restoreQuestionMarks(kept.toString());
  }

  private static String syntaxHint(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("\\t") || message.contains("tab")) {
      return "YAML indents with spaces, never tabs";
    }
    if (message.contains("mapping values are not allowed")) {
      return "a value containing ': ' must be quoted";
    }
    return null;
  }

  /** What an empty file is told: a file of any of Precept's formats may be read here. */
  private static final String STARTS = "a policy starts with 'schemaVersion: 1', an incident with 'id:'";

  /** Which limit the input went beyond, in words (the JSON library's message names its own classes). */
  private static String beyond(StreamConstraintsException e, ReadLimits limits) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "more than " + limits.maxDepth() + " levels of nesting";
    }
    if (message.startsWith("Name length")) {
      return "a key longer than 1,024 characters";
    }
    if (message.startsWith("Number")) {
      return "a number with too many digits";
    }
    if (message.startsWith("String value length")) {
      return String.format(Locale.ROOT, "a value longer than %,d characters", limits.maxScalarLength());
    }
    return "beyond the reader's limits";
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private static Diagnostic problem(String code, String source, int line, int column, String pointer, String message, String hint) {
    return Diagnostic.builder()
        .code(code)
        .source(source).line(line).column(column).pointer(pointer).message(message)
        .hint(Optional.ofNullable(hint)).build();
  }

  private static PolicyValidationException fail(String code, String source, int line, int column, String message, String hint) {
    return new PolicyValidationException(List.of(problem(code, source, line, column, "", message, hint)));
  }
}
