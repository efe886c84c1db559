package dev.precept.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.library.Drafts;
import dev.precept.library.TrustFolder;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.server.PersonalData;
import dev.precept.testkit.IncidentMutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reads a ruling's body on a fast path (plain JSON, then the edition's vocabulary and
 * type checks) and falls back to the located reader for anything else. Whatever the body, the
 * server must accept exactly what the located reader accepts and read it the same: seeded
 * mutations of the semantic corpus's incidents and of the example incident (a failure names its
 * seed, round and body).
 */
class RulingFastPathTest {
  private static final long SEED = 20261125L;
  private static final Path CORPUS = Path.of("..", "policy-eval", "src", "test", "resources", "semantics");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> ODD_VALUES = List.of(
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("staff"),
      JsonNodeFactory.instance.textNode("2016-02-30"), JsonNodeFactory.instance.textNode("2016-11-14"),
      JsonNodeFactory.instance.textNode("misconduct"), JsonNodeFactory.instance.textNode("true"),
      JsonNodeFactory.instance.textNode("before"), JsonNodeFactory.instance.textNode("prior"),
      JsonNodeFactory.instance.textNode("ceo"), JsonNodeFactory.instance.textNode("E1042"),
      JsonNodeFactory.instance.textNode("x".repeat(9000)),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.booleanNode(false),
      JsonNodeFactory.instance.numberNode(12), JsonNodeFactory.instance.numberNode(-3),
      JsonNodeFactory.instance.numberNode(1.5), JsonNodeFactory.instance.numberNode(new java.math.BigInteger("123456789012345678901234")),
      JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode().add("staff").add("staff"));
  private static final List<String> NAMES = List.of("id", "summary", "date", "person", "facts", "clauses", "categories",
      "permissions", "roles", "attributes", "office", "given", "form", "clause", "decisions", "steps", "done", "extra");

  @TempDir Path folder;

  @Test
  void overTheSemanticCorpusTheFastPathAcceptsOnlyWhatTheLocatedReaderAcceptsAndReadsItTheSame() throws IOException {
    Random random = new Random(SEED);
    int fast = 0;
    int bodies = 0;
    List<Path> constructs;
    try (Stream<Path> list = Files.list(CORPUS)) {
      constructs = list.filter(p -> Files.exists(p.resolve("policy.cases.yaml"))).sorted().toList();
    }
    assertTrue(constructs.size() > 10, "the semantic corpus is at " + CORPUS.toAbsolutePath());
    for (Path construct : constructs) {
      Policy policy = PolicyLoader.standard().load(construct.resolve("policy.yaml"));
      IncidentLoader loader = IncidentLoader.forPolicy(policy);
      for (JsonNode policyCase : new YAMLMapper().readTree(construct.resolve("policy.cases.yaml").toFile()).path("cases")) {
        ObjectNode incident = (ObjectNode) policyCase.path("incident");
        incident.put("date", "2020-01-01");
        for (byte[] body : bodies(incident, random)) {
          bodies++;
          Optional<Incident> quick = RulingDesk.plainJson(body).flatMap(loader::readIfClean);
          Optional<Incident> located = located(loader, body);
          String where = "seed " + SEED + ", " + construct.getFileName() + ": " + new String(body, StandardCharsets.UTF_8);
          if (quick.isPresent()) {
            fast++;
            assertEquals(located, quick, where);
          }
        }
      }
    }
    assertTrue(fast > bodies / 5, "the fast path takes the plain, valid bodies: " + fast + " of " + bodies);
  }

  @Test
  void theServerAnswersTheSameOnEitherPathAndLogsTheSameIncident() throws Exception {
    TrustFolder.approvedEditions(folder);
    Random random = new Random(SEED);
    try (ServerCore core = new ServerCore(folder, Optional.empty(), Drafts.REFUSED, PersonalData.REDACTED, Optional.empty())) {
      core.roster.importCsv("id,name,email,roles,academy\nE1042,Ann Example,ann@example.org,staff,North\n", "people.csv");
      List<ObjectNode> seeds = seedIncidents("");
      int fast = 0;
      int bodies = 0;
      for (int round = 0; round < 120; round++) {
        for (byte[] body : bodies(seeds.get(round % seeds.size()), random)) {
          bodies++;
          String where = "seed " + SEED + ", round " + round + ": " + new String(body, StandardCharsets.UTF_8);
          Optional<RulingDesk.Made> quick = core.desk.fast(RunningPolicy.ID, body, "k");
          RulingDesk.Made located;
          try {
            located = core.desk.located(RunningPolicy.ID, body, "k");
          } catch (ProblemException e) {
            assertTrue(quick.isEmpty(), "the fast path accepted what the located reader refuses (" + e.status() + "): " + where);
            continue;
          }
          if (quick.isPresent()) {
            fast++;
            assertEquals(answer(located), answer(quick.get()), where);
            assertEquals(located.committed().get().incident(), quick.get().committed().get().incident(), where);
            assertEquals(located.committed().get().ruling(), quick.get().committed().get().ruling(), where);
          }
        }
      }
      assertTrue(fast > bodies / 5, "the fast path takes the plain, valid bodies: " + fast + " of " + bodies);
    }
  }

  /** The policy of the example library. */
  private static final class RunningPolicy {
    static final String ID = "cat-social-media";
  }

  private static JsonNode answer(RulingDesk.Made made) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(made.response());
    body.remove(List.of("decisionId", "recordedAt"));
    return body;
  }

  private static Optional<Incident> located(IncidentLoader loader, byte[] body) {
    try {
      LocatedDocument document = LocatedDocument.read(body, "request body", RulingDesk.REQUEST_LIMITS);
      return Optional.of(loader.read(document, ""));
    } catch (PolicyException e) {
      return Optional.empty();
    }
  }

  /** The incident as sent, mutated in the tree, and written in other ways a client might. */
  private static List<byte[]> bodies(ObjectNode incident, Random random) throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    bodies.add(utf8(JSON.writeValueAsString(incident)));
    for (int i = 0; i < 3; i++) {
      ObjectNode mutated = incident.deepCopy();
      int mutations = 1 + random.nextInt(2);
      for (int m = 0; m < mutations; m++) {
        IncidentMutations.of(random, ODD_VALUES, NAMES).mutate(mutated);
      }
      bodies.add(utf8(JSON.writeValueAsString(mutated)));
    }
    String text = JSON.writeValueAsString(incident);
    String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(incident);
    switch (random.nextInt(13)) {
      case 0 -> bodies.add(utf8(pretty.replace("  ", "\t")));
      case 1 -> bodies.add(utf8("\uFEFF" + text));
      case 2 -> bodies.add(utf8(text.replace("\"id\":\"", "\"id\":\"\\u0041\\/")));
      case 3 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"id\":\"first\",")));
      case 4 -> bodies.add(utf8(text + " {}"));
      case 5 -> bodies.add(utf8(text.replace("\"", "")));
      case 6 -> bodies.add(utf8(text.replace(":", ": ").replace(",", ",\r\n ")));
      case 7 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"summary\":\"caf\\u00e9 \\u2028 \\t \\\\n\",")));
      case 8 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"summary\":\"na\u00efve \u2028 \u0085 \u007f \ufeff\",")));
      case 9 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"summary\":\"\\ud83d\\ude00 \\\\/ \\u0000\",")));
      case 10 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"summary\":\"\ud83d\ude00 \u00e9\",")));
      case 11 -> bodies.add(utf8(text.replaceFirst("\\{", "{\"summary\":\"she said \\\"yes\\\" \\\\ \\r\\n\",")));
      default -> bodies.add(utf8("# a comment\n" + text));
    }
    return bodies;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The example incident three ways: as written, with a person on the roster (E1042), and dated
   * 2018 with a person the roster does not hold; the last with {@code summary} when it is not empty.
   */
  static List<ObjectNode> seedIncidents(String summary) throws java.io.IOException {
    ObjectNode example = (ObjectNode) JSON.readTree(TrustFolder.read(TrustFolder.EXAMPLE_2016.resolveSibling(
        "incidents/staff-logo-after-hours.json")));
    ObjectNode onRoster = example.deepCopy();
    ((ObjectNode) onRoster.path("person")).removeAll().put("id", "E1042");
    ObjectNode later = example.deepCopy().put("date", "2018-01-15");
    if (!summary.isEmpty()) {
      later.put("summary", summary);
    }
    ((ObjectNode) later.path("person")).put("id", "E9999");
    return new ArrayList<>(List.of(example, onRoster, later));
  }
}
