package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.internal.Mappers;
import dev.precept.model.internal.OverlayMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an academy's overlay file ({@code *.overlay.yaml}) into an {@link Overlay}: safe YAML
 * reading, the overlay's JSON Schema, and the checks that need no master (each tailoring does
 * exactly one thing). Problems that need the master (a locked clause tailored, a variable missing
 * or unknown) come from {@link Overlay#applyTo(Policy)}. Every problem is located in the file.
 *
 * <p>Instances are immutable and thread-safe.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class OverlayLoader {
  private static final OverlayLoader STANDARD = new OverlayLoader(ReadLimits.STANDARD);
  private static final SchemaValidator SCHEMA = new SchemaValidator(composedSchema());

  private final ReadLimits limits;

  private OverlayLoader(ReadLimits limits) {
    this.limits = limits;
  }

  /** A loader with the standard {@link ReadLimits}. */
  public static OverlayLoader standard() {
    return STANDARD;
  }

  /** Whether a file name is an overlay's: it ends {@code .overlay.yaml} or {@code .overlay.yml}. */
  public static boolean isOverlayFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".overlay.yaml") || name.endsWith(".overlay.yml");
  }

  /**
   * Loads and checks an overlay file.
   *
   * @throws PolicyValidationException listing every problem when the file is not a valid overlay
   * @throws PolicyException when the file cannot be read at all
   */
  public Overlay load(Path file) {
    return parse(PolicyLoader.readFile(file, limits), file.toString());
  }

  /**
   * Checks an overlay given as text.
   *
   * @param source the name problems are reported under
   * @throws PolicyValidationException listing every problem when the text is not a valid overlay
   */
  public Overlay parse(String yaml, String source) {
    return parse(yaml.getBytes(StandardCharsets.UTF_8), source);
  }

  /**
   * Checks an overlay given as UTF-8 bytes.
   *
   * @throws PolicyValidationException listing every problem when the bytes are not a valid overlay
   */
  public Overlay parse(byte[] bytes, String source) {
    LocatedDocument document = LocatedDocument.read(bytes, source, limits);
    JsonNode root = document.root();
    if (!root.isObject()) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "",
          "an overlay is a YAML mapping of keys to values", "start the file with 'overlayVersion: 1'")));
    }
    JsonNode version = root.get("overlayVersion");
    if (version == null) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "",
          "the document is missing required key 'overlayVersion'",
          "add 'overlayVersion: 1' as the first line; a file with 'schemaVersion' is a policy, not an overlay")));
    }
    if (!version.isIntegralNumber() || !OverlaySchema.SUPPORTED_VERSIONS.contains(version.intValue())) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "/overlayVersion",
          "overlayVersion " + version + " is not one this build reads",
          "this build reads overlayVersion " + OverlaySchema.SUPPORTED_VERSIONS)));
    }
    List<Diagnostic> problems = new ArrayList<>(SCHEMA.check(document));
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    Overlay overlay;
    try {
      overlay = Mappers.json().treeToValue(root, Overlay.class);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "",
          "the overlay passed the schema but could not be read: " + e.getMessage(), null)));
    }
    overlay = Overlay.builder().from(overlay).document(document).build();
    problems.addAll(OverlayMerge.checkShape(overlay));
    if (!problems.isEmpty()) {
      throw failure(problems);
    }
    return overlay;
  }

  private static PolicyValidationException failure(List<Diagnostic> problems) {
    problems.sort(Diagnostic.IN_READING_ORDER);
    return new PolicyValidationException(problems);
  }

  /**
   * The overlay schema with the policy schema's definitions copied in, so the validator needs no
   * second document: {@code policy.schema.json#/$defs/x} becomes {@code #/$defs/x}.
   */
  private static String composedSchema() {
    try {
      ObjectNode overlay = (ObjectNode) Mappers.json().readTree(OverlaySchema.text());
      JsonNode policyDefs = Mappers.json().readTree(PolicySchema.text()).get("$defs");
      ObjectNode defs = (ObjectNode) overlay.get("$defs");
      for (Map.Entry<String, JsonNode> def : policyDefs.properties()) {
        if (!defs.has(def.getKey())) {
          defs.set(def.getKey(), def.getValue());
        }
      }
      rewriteRefs(overlay);
      return Mappers.json().writeValueAsString(overlay);
    } catch (IOException e) {
      throw new IllegalStateException("the bundled schemas are not JSON", e);
    }
  }

  private static void rewriteRefs(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("policy.schema.json#")) {
        object.put("$ref", ref.asText().substring("policy.schema.json".length()));
      }
      object.elements().forEachRemaining(OverlayLoader::rewriteRefs);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OverlayLoader::rewriteRefs);
    }
  }
}
