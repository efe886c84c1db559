package dev.precept.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.library.Drafts;
import dev.precept.library.TrustFolder;
import dev.precept.server.PersonalData;
import dev.precept.server.RosterImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzing what the server reads from a request: whatever body a client sends to
 * {@code POST /v1/policies/{id}/rulings}, the desk makes a ruling or refuses with a problem of its
 * own (400 with every problem listed, 422 when no edition is in force), never another exception;
 * and whatever the fast path accepts, the located reader accepts and answers the same. Whatever CSV
 * a clerk imports as the roster, it is imported whole or refused with its problems. In a plain
 * {@code mvn verify} each fuzz test runs its committed corpus
 * ({@code src/test/resources/dev/precept/server/internal/RequestBodyFuzzTestInputs/});
 * {@code JAZZER_FUZZ=1} fuzzes for real (see docs/performance.md, "Fuzzing").
 */
class RequestBodyFuzzTest {
  private static final String POLICY = "cat-social-media";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FOLDER = folder();
  private static final ServerCore CORE = core();

  private static Path folder() {
    try {
      return TrustFolder.approvedEditions(Files.createTempDirectory("precept-body-fuzz"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ServerCore core() {
    ServerCore core = new ServerCore(FOLDER, Optional.empty(), Drafts.REFUSED, PersonalData.REDACTED, Optional.empty());
    core.roster.importCsv("id,name,email,roles,academy\nE1042,Ann Example,ann@example.org,staff,North\n", "people.csv");
    return core;
  }

  @AfterAll
  static void close() throws IOException {
    CORE.close();
    try (var files = Files.walk(FOLDER)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyBodyGivesARulingOrAProblemAndBothPathsAgree(FuzzedDataProvider data) throws IOException {
    byte[] body = data.consumeRemainingAsBytes();
    String where = new String(body, StandardCharsets.UTF_8);
    Optional<RulingDesk.Made> quick = CORE.desk.fast(POLICY, body, "fuzz");
    RulingDesk.Made located;
    try {
      located = CORE.desk.located(POLICY, body, "fuzz");
    } catch (ProblemException refused) {
      assertTrue(quick.isEmpty(), "the fast path accepted what the located reader refuses: " + where);
      assertTrue(Set.of(400, 422).contains(refused.status()), "a refusal is the client's problem: " + refused.status());
      JsonNode problem = refused.body("/v1/policies/" + POLICY + "/rulings");
      assertFalse(problem.path("detail").asText().isBlank(), "a refusal says why: " + problem);
      for (JsonNode error : problem.path("errors")) {
        assertTrue(error.has("pointer"), "every problem has its JSON pointer: " + error);
        assertFalse(error.path("detail").asText().isBlank(), "every problem says what is wrong: " + error);
      }
      return;
    }
    if (quick.isPresent()) {
      assertEquals(answer(located), answer(quick.get()), where);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyRosterCsvIsImportedWholeOrRefusedWithItsProblems(FuzzedDataProvider data) {
    String csv = data.consumeRemainingAsString();
    RosterImport imported = CORE.roster.importCsv(csv, "people.csv");
    for (String problem : imported.problems()) {
      assertTrue(problem.startsWith("people.csv"), "a problem names the file: " + problem);
    }
    if (!imported.problems().isEmpty()) {
      assertEquals(0, imported.added() + imported.updated() + imported.removed(), "nothing is imported when a row is refused");
    }
  }

  private static JsonNode answer(RulingDesk.Made made) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(made.response());
    body.remove(List.of("decisionId", "recordedAt"));
    return body;
  }
}
