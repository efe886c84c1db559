package dev.precept.eval;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads incidents from YAML or JSON and checks them against a policy: an unknown role, fact,
 * clause or office, or a value of the wrong type, is an error with its location, never ignored.
 *
 * <pre>{@code
 * Incident incident = IncidentLoader.forPolicy(policy).load(Path.of("incident.yaml"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class IncidentLoader {
  private static final SchemaValidator SCHEMA = new SchemaValidator(resource("incident.schema.json"));

  private final IncidentCheck check;

  private IncidentLoader(Policy policy) {
    this.check = new IncidentCheck(policy);
  }

  /**
   * A loader checking incidents against this policy.
   *
   * @throws NullPointerException when the policy is null
   */
  public static IncidentLoader forPolicy(Policy policy) {
    Objects.requireNonNull(policy, "IncidentLoader.forPolicy needs a policy (PolicyLoader.standard().load(file)), not null");
    return new IncidentLoader(policy);
  }

  /**
   * Reads and checks an incident file.
   *
   * @throws PolicyValidationException listing every problem in the file
   */
  public Incident load(Path file) {
    Objects.requireNonNull(file, "IncidentLoader.load needs a file, not null");
    byte[] bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
    return read(LocatedDocument.read(bytes, file.toString(), ReadLimits.STANDARD), "");
  }

  /**
   * Reads and checks an incident given as YAML or JSON text.
   *
   * @param source the name problems are reported under
   * @throws PolicyValidationException listing every problem in it
   */
  public Incident parse(String text, String source) {
    return read(LocatedDocument.read(text.getBytes(StandardCharsets.UTF_8), source, ReadLimits.STANDARD), "");
  }

  /**
   * Reads and checks the incident at {@code pointer} of a document (a cases file holds many).
   *
   * @throws PolicyValidationException listing every problem in it
   */
  public Incident read(LocatedDocument document, String pointer) {
    List<Diagnostic> problems = check(document, pointer);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      problems.sort(Diagnostic.IN_READING_ORDER);
      throw new PolicyValidationException(problems);
    }
    return convert(document.at(pointer).orElseThrow());
  }

  /**
   * Every problem in the incident at {@code pointer}, against the schema and the policy, in one
   * pass: an unknown role is reported beside a misspelt key, not after it is fixed. Warnings (an
   * old word still read) are included.
   */
  public List<Diagnostic> check(LocatedDocument document, String pointer) {
    List<Diagnostic> problems = new ArrayList<>(SCHEMA.check(document, pointer));
    Set<String> spoken = problems.stream().map(Diagnostic::pointer).collect(Collectors.toSet());
    problems.addAll(check.check(document, pointer, spoken));
    return problems;
  }

  private Incident convert(JsonNode node) {
    ObjectNode copy = node.deepCopy();
    // Facts and attributes are held as text in the model; the checks above have typed them.
    stringify(copy.path("facts"));
    stringify(copy.path("person").path("attributes"));
    try {
      return EvalJson.mapper().treeToValue(copy, Incident.class);
    } catch (IOException e) {
      throw new UncheckedIOException("an incident that passed its checks could not be read", e);
    }
  }

  private static void stringify(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> object.put(n, object.get(n).asText()));
    }
  }

  static String resource(String name) {
    try (InputStream in = IncidentLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
