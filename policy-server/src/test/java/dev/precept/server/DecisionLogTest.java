package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.library.TrustFolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log: written before the answer, chained, checked, redacted. */
class DecisionLogTest {
  @TempDir Path folder;

  private static List<String> ruleConcurrently(RunningServer server, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RunningServer.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String date = i % 2 == 0 ? "2017-03-01" : "2018-01-15";
        answers.add(pool.submit(() -> server.rule(RunningServer.incidentOn(date))));
      }
      List<String> ids = new ArrayList<>();
      for (Future<RunningServer.Answer> answer : answers) {
        assertEquals(201, answer.get().status(), answer.get().body());
        ids.add(answer.get().json().path("decisionId").asText());
      }
      return ids;
    } finally {
      pool.shutdown();
    }
  }

  private LogVerification verify() {
    try (ServerAdmin admin = ServerAdmin.open(folder, Optional.empty())) {
      return admin.verifyLog();
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(".precept/precept.db")); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void concurrentRulingsAreAllLoggedInOneUnbrokenChain() throws Exception {
    List<String> ids;
    try (RunningServer server = new RunningServer(folder)) {
      ids = ruleConcurrently(server, 40);
      Set<Long> seqs = new HashSet<>();
      for (String id : ids) {
        JsonNode logged = server.get("/v1/decisions/" + id, server.readKey).json();
        assertEquals(id, logged.path("decisionId").asText());
        seqs.add(logged.path("seq").asLong());
      }
      assertEquals(40, seqs.size(), "each decision has its own place in the chain");
    }
    LogVerification check = verify();
    assertTrue(check.intact(), check.problem().orElse(""));
    assertEquals(40, check.records());
  }

  @Test
  void anEditedRecordIsNamedAsTheFirstBroken() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 5);
    }
    sql("UPDATE decisions SET outcome = 'not-applicable' WHERE seq = 3");
    LogVerification check = verify();
    assertFalse(check.intact());
    assertEquals(3L, check.firstBroken().orElseThrow());
    assertTrue(check.problem().orElseThrow().startsWith("record 3 (decision "), check.problem().orElseThrow());
    assertTrue(check.problem().orElseThrow().endsWith("was changed after it was written: its content does not match its hash"));
  }

  @Test
  void aDeletedRecordIsNamed() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 5);
    }
    sql("DELETE FROM decisions WHERE seq = 2");
    assertEquals("record 2 is missing: the log goes from record 1 to record 3 (a record was deleted)", verify().problem().orElseThrow());
  }

  @Test
  void recordsDeletedFromTheEndAreFound() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 5);
    }
    sql("DELETE FROM decisions WHERE seq >= 4");
    assertEquals("the log ends at record 3 but had reached record 5: records were deleted from its end", verify().problem().orElseThrow());
  }

  @Test
  void reorderedRecordsBreakTheChainWhereTheyWereSwapped() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 5);
    }
    sql("UPDATE decisions SET seq = -2 WHERE seq = 2");
    sql("UPDATE decisions SET seq = 2 WHERE seq = 3");
    sql("UPDATE decisions SET seq = 3 WHERE seq = -2");
    LogVerification check = verify();
    assertEquals(2L, check.firstBroken().orElseThrow());
    assertTrue(check.problem().orElseThrow().contains("does not follow record 1"), check.problem().orElseThrow());
  }

  @Test
  void personalDataIsStoredAsKeyedHashesAndStillFindsThePerson() {
    try (RunningServer server = new RunningServer(folder)) {
      String incident = RunningServer.incidentOn("2018-01-15").replace("\"person\": {", "\"person\": {\"id\": \"E1042\", ");
      JsonNode ruled = server.rule(incident).json();
      JsonNode logged = server.get("/v1/decisions/" + ruled.path("decisionId").asText(), server.readKey).json();
      String summary = logged.path("incident").path("summary").asText();
      assertTrue(summary.matches("hmac:[0-9a-f]{64}"), logged.toString());
      assertTrue(logged.path("incident").path("person").path("id").asText().matches("hmac:[0-9a-f]{64}"), logged.toString());
      assertFalse(logged.toString().contains("E1042") || logged.toString().contains("fundraising"), logged.toString());
      assertEquals("INC-2016-044", logged.path("incident").path("id").asText(), "the incident's own reference is kept");
      JsonNode found = server.get("/v1/decisions?person=E1042", server.readKey).json();
      assertEquals(1, found.path("decisions").size());
      assertEquals(0, server.get("/v1/decisions?person=E9999", server.readKey).json().path("decisions").size());
    }
  }

  @Test
  void freeTextFactsAreRedactedAndCanBeKeptInClearWhenChosen() {
    String policy = TrustFolder.read(TrustFolder.EXAMPLE_2016).replace("facts:\n",
        "facts:\n  - id: what-was-posted\n    type: string\n    description: What was posted, in the person's words.\n");
    TrustFolder.approved(folder.resolve("social-media-policy.yaml"), policy, TrustFolder.APPROVED_2016, Optional.empty());
    String incident = RunningServer.incidentOn("2017-01-15").replace("\"facts\": {", "\"facts\": {\"what-was-posted\": \"Mr Smith's fundraiser\", ");
    try (RunningServer server = new RunningServer(folder, false, Optional.empty(), b -> { })) {
      JsonNode ruled = server.rule(incident).json();
      JsonNode logged = server.get("/v1/decisions/" + ruled.path("decisionId").asText(), server.readKey).json();
      assertTrue(logged.path("incident").path("facts").path("what-was-posted").asText().startsWith("hmac:"), logged.toString());
      assertEquals("false", logged.path("incident").path("facts").path("during-working-hours").asText(), "other facts stay as sent");
    }
    try (RunningServer server = new RunningServer(folder, false, Optional.empty(), b -> b.personalData(PersonalData.CLEAR))) {
      JsonNode ruled = server.rule(incident).json();
      JsonNode logged = server.get("/v1/decisions/" + ruled.path("decisionId").asText(), server.readKey).json();
      assertEquals("Mr Smith's fundraiser", logged.path("incident").path("facts").path("what-was-posted").asText());
      assertTrue(logged.path("incident").path("summary").asText().startsWith("A teacher used"), logged.toString());
    }
  }

  @Test
  void decisionsCanBeFilteredAndPaged() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 6);
      JsonNode old = server.get("/v1/decisions?edition=2016.1&limit=2", server.readKey).json();
      assertEquals(2, old.path("decisions").size());
      old.path("decisions").forEach(d -> assertEquals("2016.1", d.path("edition").path("version").asText()));
      String next = old.path("next").asText();
      assertTrue(next.startsWith("/v1/decisions?edition=2016.1&limit=2&after="), next);
      JsonNode rest = server.get(next, server.readKey).json();
      assertEquals(1, rest.path("decisions").size());
      assertTrue(rest.path("next").isNull());
      assertEquals(6, server.get("/v1/decisions?outcome=breached&role=staff", server.readKey).json().path("decisions").size());
      assertEquals(0, server.get("/v1/decisions?role=pupil", server.readKey).json().path("decisions").size());
      assertEquals(0, server.get("/v1/decisions?to=2000-01-01", server.readKey).json().path("decisions").size());
      RunningServer.Answer bad = server.get("/v1/decisions?limit=0", server.readKey);
      assertEquals(400, bad.status());
      assertEquals("limit '0' is not a whole number from 1 to 500", bad.json().path("detail").asText());
      assertEquals(400, server.get("/v1/decisions?outcome=guilty", server.readKey).status());
      assertEquals(404, server.get("/v1/decisions/no-such-id", server.readKey).status());
    }
  }

  @Test
  void aMisspeltFilterIsRefusedNamingTheFilterMeantNotAnsweredWithEveryDecision() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      ruleConcurrently(server, 1);
      RunningServer.Answer typo = server.get("/v1/decisions?polcy=cat-social-media", server.readKey);
      assertEquals(400, typo.status(), typo.body());
      assertEquals("application/problem+json", typo.contentType());
      assertTrue(typo.json().path("detail").asText().startsWith("unknown parameter 'polcy': did you mean 'policy'?"), typo.body());
      assertEquals(400, server.get("/v1/policies/cat-social-media/document?fromat=pdf", server.readKey).status());
      assertEquals(400, server.get("/v1/acknowledgements/report?policy=cat-social-media&rol=staff", server.readKey).status());
    }
  }
}
