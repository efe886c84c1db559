package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.internal.LocatedTreeReader;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML (or JSON) document read into a tree that remembers the line and column of every value,
 * so that any problem found later can be reported where the user wrote it.
 *
 * <p>Reading is safe: anchors and aliases are refused (no alias bombs), duplicate keys are
 * errors, and size, depth and scalar length are bounded by {@link ReadLimits}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LocatedDocument {
  private final String source;
  private final JsonNode root;
  private final Map<String, int[]> locations;
  private final boolean json;

  private LocatedDocument(String source, JsonNode root, Map<String, int[]> locations, boolean json) {
    this.source = source;
    this.root = root;
    this.locations = locations;
    this.json = json;
  }

  /**
   * Reads a document.
   *
   * @param bytes the file's content, UTF-8
   * @param source the name to report problems under, usually the file's path
   * @throws PolicyValidationException listing every problem when the text cannot be read as one
   *     safe YAML document
   */
  public static LocatedDocument read(byte[] bytes, String source, ReadLimits limits) {
    LocatedTreeReader.Result result = LocatedTreeReader.read(bytes, source, limits);
    return new LocatedDocument(source, result.root(), result.locations(), result.json());
  }

  /**
   * Reads a document whose only problem may be duplicate keys, which are given to {@code duplicateKeys}
   * rather than thrown (the tree keeps each key's first value), so a loader can report them with the rest.
   */
  static LocatedDocument readKeepingDuplicateKeys(byte[] bytes, String source, ReadLimits limits,
      java.util.function.Consumer<Diagnostic> duplicateKeys) {
    LocatedTreeReader.Result result = LocatedTreeReader.readKeepingDuplicateKeys(bytes, source, limits);
    result.duplicateKeys().forEach(duplicateKeys);
    return new LocatedDocument(source, result.root(), result.locations(), result.json());
  }

  /** The same document with another tree at its root (positions kept), for checks over a repaired copy. */
  LocatedDocument withRoot(JsonNode newRoot) {
    return new LocatedDocument(source, newRoot, locations, json);
  }

  /**
   * The same document with another tree at its root, where each key renamed in it (old pointer to
   * new) keeps the positions of everything written under its old name.
   */
  LocatedDocument withRoot(JsonNode newRoot, Map<String, String> renamed) {
    Map<String, int[]> moved = new java.util.HashMap<>(locations);
    renamed.forEach((from, to) -> locations.forEach((pointer, at) -> {
      if (pointer.equals(from) || pointer.startsWith(from + "/")) {
        moved.putIfAbsent(to + pointer.substring(from.length()), at);
      }
    }));
    return new LocatedDocument(source, newRoot, Map.copyOf(moved), json);
  }

  /**
   * Whether the text was JSON (an incident or request from another system) rather than YAML, so
   * that a hint can speak of the format the writer used.
   */
  public boolean readAsJson() {
    return json;
  }

  /** The name problems are reported under. */
  public String source() {
    return source;
  }

  /** The document's root value. */
  public JsonNode root() {
    return root;
  }

  /** The value at a JSON pointer, if there is one. */
  public Optional<JsonNode> at(String pointer) {
    JsonNode node = root.at(JsonPointer.compile(pointer));
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /**
   * An error at a JSON pointer. When nothing was written at the pointer itself (a missing key),
   * the nearest enclosing value's location is used.
   *
   * @param code the diagnostic's stable code, one of {@link Diagnostic}'s constants
   * @param hint what would be valid, or {@code null}
   */
  public Diagnostic diagnostic(String code, String pointer, String message, String hint) {
    return diagnostic(code, pointer, null, message, hint);
  }

  /**
   * An error at a JSON pointer about one id or value (the subject).
   *
   * @param subject the id or value spoken of, or {@code null}
   * @param hint what would be valid, or {@code null}
   */
  public Diagnostic diagnostic(String code, String pointer, String subject, String message, String hint) {
    int[] where = locate(pointer);
    return Diagnostic.builder()
        .code(code)
        .subject(Optional.ofNullable(subject))
        .source(source)
        .line(where[0])
        .column(where[1])
        .pointer(pointer)
        .message(message)
        .hint(Optional.ofNullable(hint))
        .build();
  }

  /** The line and column a JSON pointer was written at (or its nearest enclosing value's). */
  public int[] position(String pointer) {
    return locate(pointer).clone();
  }

  private int[] locate(String pointer) {
    String p = pointer;
    while (true) {
      int[] where = locations.get(p);
      if (where != null) {
        return where;
      }
      if (p.isEmpty()) {
        return new int[] {1, 1};
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
