package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/policies/{id}/rulings} against a real server on loopback. */
class RulingsApiTest {
  @TempDir static Path folder;
  static RunningServer server;

  @BeforeAll
  static void start() {
    server = new RunningServer(folder);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRulingComesFromTheEditionInForceOnTheIncidentsDateWithItsApprovalAndIsLogged() {
    RunningServer.Answer answer = server.rule(RunningServer.incidentOn("2018-01-15"));
    assertEquals(201, answer.status(), answer.body());
    JsonNode body = answer.json();
    String decisionId = body.path("decisionId").asText();
    assertTrue(decisionId.matches("[0-9a-f-]{36}"), decisionId);
    assertEquals("/v1/decisions/" + decisionId, answer.raw().headers().firstValue("Location").orElseThrow());
    assertEquals("2017.1", body.path("edition").path("version").asText());
    assertEquals("2017.1", body.path("ruling").path("version").asText());
    assertEquals(body.path("ruling").path("digest").asText(), body.path("edition").path("digest").asText());
    assertEquals("Bob Example", body.path("edition").path("approval").path("signatures").path(1).path("name").asText());
    assertEquals("2017-10-11", body.path("edition").path("approval").path("approvedOn").asText());
    assertFalse(body.path("edition").path("draft").asBoolean());
    assertTrue(body.path("edition").path("reason").asText().contains("it replaced 2016.1"), body.toString());

    JsonNode logged = server.get("/v1/decisions/" + decisionId, server.readKey).json();
    assertEquals(body.path("edition").path("digest").asText(), logged.path("edition").path("digest").asText());
    assertEquals(body.path("ruling"), logged.path("ruling"));
    assertEquals("breached", logged.path("outcome").asText());
    assertTrue(logged.path("hash").asText().startsWith("sha256:"), logged.toString());
  }

  @Test
  void anIncidentBeforeTheNewEditionTakesEffectIsRuledUnderTheOldOne() {
    JsonNode body = server.rule(RunningServer.incidentOn("2017-10-20")).json();
    assertEquals("2016.1", body.path("edition").path("version").asText());
    assertTrue(body.path("edition").path("reason").asText().contains("2017.1 takes effect later, from 2017-11-01"), body.toString());
  }

  @Test
  void anIncidentBeforeTheFirstEditionIsRefusedWithTheReason() {
    RunningServer.Answer answer = server.rule(RunningServer.incidentOn("2015-01-01"));
    assertEquals(422, answer.status(), answer.body());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.json().path("detail").asText().startsWith("2015-01-01 is before the first approved edition"), answer.body());
  }

  @Test
  void anInvalidIncidentIsRefusedListingEveryProblemWithItsPointer() {
    String bad = RunningServer.incidentOn("2018-01-15").replace("\"roles\": [\"staff\"]", "\"roles\": [\"cfo\"]")
        .replace("\"conduct.name-and-logo\"", "\"conduct.no-such-clause\"")
        .replace("\"during-working-hours\": false", "\"during-working-hours\": \"sometimes\"");
    RunningServer.Answer answer = server.rule(bad);
    assertEquals(400, answer.status(), answer.body());
    assertEquals("application/problem+json", answer.contentType());
    JsonNode problem = answer.json();
    assertEquals("https://precept.dev/problems/invalid-incident", problem.path("type").asText());
    assertEquals(400, problem.path("status").asInt());
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertEquals(List.of("/person/roles/0", "/clauses/0", "/facts/during-working-hours"), pointers, answer.body());
    assertTrue(problem.path("errors").path(0).path("detail").asText().contains("cfo"), answer.body());
  }

  @Test
  void anIncidentWithoutADateIsRefusedWithItsOtherProblemsToo() {
    String bad = RunningServer.INCIDENT.replace("\"date\": \"2016-12-02\",", "").replace("\"roles\": [\"staff\"]", "\"roles\": [\"cfo\"]");
    JsonNode problem = server.rule(bad).json();
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertEquals(List.of("", "/person/roles/0"), pointers, problem.toString());
    assertTrue(problem.path("errors").path(0).path("detail").asText().contains("no date"), problem.toString());
  }

  @Test
  void brokenJsonIsABadRequestWithoutAStackTrace() {
    for (String body : List.of("{\"id\": ", "[1, 2]", "", "\"text\"", "{\"id\": \"x\", \"person\": &a {\"roles\": *a}}")) {
      RunningServer.Answer answer = server.rule(body);
      assertEquals(400, answer.status(), body + " -> " + answer.body());
      assertEquals("application/problem+json", answer.contentType(), body);
      assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("dev.precept."),
          answer.body());
    }
  }

  @Test
  void aBodyOver64KiBIsRefusedAndDeepNestingIsRefusedQuickly() {
    String big = RunningServer.incidentOn("2018-01-15").replace("\"summary\": \"", "\"summary\": \"" + "x".repeat(70 * 1024));
    RunningServer.Answer tooBig = server.rule(big);
    assertEquals(413, tooBig.status(), tooBig.body());
    assertEquals("application/problem+json", tooBig.contentType());
    String deep = "{\"id\": \"x\", \"facts\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    RunningServer.Answer nested = server.rule(deep);
    assertEquals(400, nested.status(), nested.body());
  }

  @Test
  void anUnknownPolicyIsNotFoundAndNamesTheKnownOnes() {
    RunningServer.Answer answer = server.post("/v1/policies/cat-safeguarding/rulings", server.ruleKey, RunningServer.incidentOn("2018-01-15"));
    assertEquals(404, answer.status());
    assertEquals("there is no policy 'cat-safeguarding' in the library (its policies: cat-social-media)", answer.json().path("detail").asText());
    assertEquals(404, server.get("/v1/nothing-here", server.readKey).status());
    assertEquals("application/problem+json", server.get("/v1/nothing-here", server.readKey).contentType());
  }

  @Test
  void brokenJsonIsReportedAsJsonAtItsLineAndColumnNeverAsYamlOrInTheParsersWords() {
    RunningServer.Answer answer = server.rule("{\"id\": \"x\",\n \"person\": {\"roles\": [\"staff\"]},,}");
    assertEquals(400, answer.status(), answer.body());
    JsonNode error = answer.json().path("errors").path(0);
    assertEquals("the body is not valid JSON", error.path("detail").asText(), answer.body());
    assertEquals("json-syntax", error.path("code").asText(), answer.body());
    assertEquals(2, error.path("line").asInt(), answer.body());
    assertEquals(33, error.path("column").asInt(), answer.body());
    assertTrue(error.path("hint").asText().contains("a missing comma or quote"), answer.body());
    assertFalse(answer.body().contains("YAML") || answer.body().contains("flow") || answer.body().contains("Source:"), answer.body());

    JsonNode cut = server.rule("{\"id\": \"x\",").json().path("errors").path(0);
    assertEquals("the body is not valid JSON: it ends before the JSON is complete", cut.path("detail").asText(), cut.toString());
    JsonNode two = server.rule(RunningServer.INCIDENT + RunningServer.INCIDENT).json().path("errors").path(0);
    assertEquals("the body holds more than one JSON value", two.path("detail").asText(), two.toString());
  }

  @Test
  void anEmptyBodyIsSaidToBeEmptyAndTheHintIsAnIncidentNotAPolicy() {
    for (String body : List.of("", " \n")) {
      JsonNode problem = server.rule(body).json();
      assertEquals(List.of("the body is empty"), details(problem), problem.toString());
      assertTrue(problem.path("errors").path(0).path("hint").asText().contains("\"person\""), problem.toString());
      assertFalse(problem.toString().contains("schemaVersion") || problem.toString().contains("policy starts"), problem.toString());
    }
  }

  @Test
  void deepNestingIsRefusedInTheApisWordsWithoutTheParsersInternals() {
    String deep = "{\"id\": \"x\", \"facts\": " + "[".repeat(40) + "]".repeat(40) + "}";
    RunningServer.Answer answer = server.rule(deep);
    assertEquals(400, answer.status(), answer.body());
    assertEquals(List.of("the body is nested more than 16 levels deep"), details(answer.json()), answer.body());
    assertFalse(answer.body().contains("StreamReadConstraints") || answer.body().contains("a policy needs"), answer.body());
  }

  @Test
  void everyProblemInAnIncidentCarriesAStableCodeAProgramCanSwitchOn() {
    String bad = RunningServer.incidentOn("2018-01-15").replace("\"roles\": [\"staff\"]", "\"roles\": [\"staf\"]")
        .replace("\"during-working-hours\": false", "\"during-working-hours\": \"yes\"");
    JsonNode problem = server.rule(bad).json();
    List<String> codes = new ArrayList<>();
    problem.path("errors").forEach(e -> codes.add(e.path("code").asText() + " " + e.path("pointer").asText()));
    assertEquals(List.of("unknown-role /person/roles/0", "type-mismatch /facts/during-working-hours"), codes, problem.toString());
  }

  @Test
  void aRosterIdNotOnTheRosterWithNoRolesIsNamedAsTheProblem() {
    String unknown = RunningServer.incidentOn("2018-01-15").replace("\"roles\": [\"staff\"]", "\"id\": \"E9999\"");
    RunningServer.Answer answer = server.rule(unknown);
    assertEquals(400, answer.status(), answer.body());
    JsonNode error = answer.json().path("errors").path(0);
    assertEquals(1, answer.json().path("errors").size(), answer.body());
    assertEquals("/person/id", error.path("pointer").asText(), answer.body());
    assertEquals("'E9999' is not on the roster, so the person's roles must be given", error.path("detail").asText());
    assertEquals("missing", error.path("code").asText());
  }

  @Test
  void aDateThatDoesNotExistIsReportedOnce() {
    JsonNode problem = server.rule(RunningServer.incidentOn("2016-13-45")).json();
    List<String> pointers = new ArrayList<>();
    problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertEquals(List.of("/date"), pointers, problem.toString());
    assertEquals("'date': '2016-13-45' is not a valid date", problem.path("errors").path(0).path("detail").asText(), problem.toString());
  }

  @Test
  void aNumberSentWhereTextBelongsIsToldToBeAJsonStringNotQuotedForYaml() {
    String bad = RunningServer.incidentOn("2018-01-15").replace("\"id\": \"INC-2016-044\"", "\"id\": 42");
    RunningServer.Answer answer = server.rule(bad);
    assertEquals(400, answer.status(), answer.body());
    JsonNode error = answer.json().path("errors").path(0);
    assertEquals("/id", error.path("pointer").asText(), answer.body());
    assertEquals("send it as a JSON string, in quotes: \"42\"", error.path("hint").asText(), answer.body());
    assertFalse(answer.body().contains("YAML"), answer.body());
  }

  @Test
  void aValueOverTheLengthLimitIsSaidToBeTooLongForJsonNotForAPolicyFile() {
    String long_ = RunningServer.incidentOn("2018-01-15").replace("\"summary\": \"", "\"summary\": \"" + "x".repeat(20 * 1024));
    RunningServer.Answer answer = server.rule(long_);
    assertEquals(400, answer.status(), answer.body());
    JsonNode error = answer.json().path("errors").path(0);
    assertEquals("/summary", error.path("pointer").asText(), answer.body());
    assertTrue(error.path("detail").asText().endsWith("is longer than the 16,384 one JSON value may have"), answer.body());
    assertFalse(answer.body().contains("policy file") || answer.body().contains("clause's text"), answer.body());
  }

  @Test
  void aBodyLabelledAsSomethingOtherThanJsonIsRefusedAsAnUnsupportedMediaTypeWithACode() {
    for (String type : List.of("text/html", "multipart/form-data; boundary=x", "text/plain", "application/json; charset=iso-8859-1")) {
      RunningServer.Answer answer = ruleAs(type);
      assertEquals(415, answer.status(), type + " -> " + answer.body());
      assertEquals("application/problem+json", answer.contentType(), type);
      JsonNode problem = answer.json();
      assertEquals("https://precept.dev/problems/unsupported-media-type", problem.path("type").asText(), answer.body());
      assertEquals("unsupported-media-type", problem.path("errors").path(0).path("code").asText(), answer.body());
      assertTrue(problem.path("detail").asText().startsWith("the body is labelled '" + type + "'"), answer.body());
      assertEquals("send the incident as JSON in UTF-8 with 'Content-Type: application/json'",
          problem.path("errors").path(0).path("hint").asText(), answer.body());
    }
  }

  @Test
  void jsonWithOrWithoutACharsetAJsonSuffixCurlsFormLabelOrNoContentTypeAtAllIsRuledOn() {
    for (String type : java.util.Arrays.asList("application/json; charset=UTF-8", "application/vnd.precept+json", "Application/JSON",
        "application/x-www-form-urlencoded", null)) {
      RunningServer.Answer answer = ruleAs(type);
      assertEquals(201, answer.status(), type + " -> " + answer.body());
    }
  }

  private static RunningServer.Answer ruleAs(String contentType) {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(server.uri("/v1/policies/" + RunningServer.POLICY + "/rulings"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RunningServer.incidentOn("2018-01-15")));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return server.send(request, server.ruleKey);
  }

  private static List<String> details(JsonNode problem) {
    List<String> details = new ArrayList<>();
    problem.path("errors").forEach(e -> details.add(e.path("detail").asText()));
    return details;
  }
}
