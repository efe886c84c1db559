package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster, acknowledgements bound to an edition's digest, and rulings that say whether the person had read it. */
class AcknowledgementsTest {
  @TempDir static Path folder;
  static RunningServer server;
  static String digest2016;
  static String digest2017;

  @BeforeAll
  static void start() {
    server = new RunningServer(folder);
    RunningServer.Answer imported = server.send(HttpRequest.newBuilder(server.uri("/v1/people")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("id,name,email,roles,academy\n"
            + "E1,Ann Teacher,ann@example.org,staff,North\nE2,Bob Teacher,bob@example.org,staff,South\n"
            + "G1,Gill Governor,gill@example.org,governor,North\nE3,Ann Teacher,ann3@example.org,staff,West\nC1,Col Contractor,col@example.org,contractor,North\n")), server.adminKey);
    assertEquals(200, imported.status(), imported.body());
    JsonNode editions = server.get("/v1/policies/cat-social-media", server.readKey).json().path("editions");
    digest2016 = editions.path(0).path("digest").asText();
    digest2017 = editions.path(1).path("digest").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RunningServer.Answer acknowledge(String person, String digest) {
    return server.post("/v1/acknowledgements", server.ackKey,
        "{\"person\": \"" + person + "\", \"policy\": \"cat-social-media\", \"digest\": \"" + digest + "\"}");
  }

  @Test
  void theReportShowsWhoInScopeHasAcknowledgedTheEditionInForceAndWhoseAcknowledgementIsOutdated() {
    assertEquals(201, acknowledge("G1", digest2017).status());
    assertEquals(201, acknowledge("E2", digest2016).status());
    JsonNode report = server.get("/v1/acknowledgements/report?policy=cat-social-media", server.readKey).json();
    assertEquals("2017.1", report.path("edition").path("version").asText());
    List<String> rows = new ArrayList<>();
    report.path("people").forEach(p -> rows.add(p.path("id").asText() + " " + p.path("status").asText()
        + (p.has("acknowledgedVersion") ? " " + p.path("acknowledgedVersion").asText() : "")));
    assertTrue(rows.containsAll(List.of("E2 outdated 2016.1", "G1 acknowledged")), rows.toString());
    assertFalse(rows.stream().anyMatch(r -> r.startsWith("C1")), "a contractor is not in the policy's scope: " + rows);
    JsonNode north = server.get("/v1/acknowledgements/report?policy=cat-social-media&academy=North&role=staff", server.readKey).json();
    assertEquals(1, north.path("inScope").asInt(), north.toString());
    assertEquals("E1", north.path("people").path(0).path("id").asText());
    assertEquals("not acknowledged", north.path("people").path(0).path("status").asText());
  }

  @Test
  void aRulingAboutARosterPersonSaysWhetherAndWhenTheyAcknowledgedTheEditionThatRuled() {
    assertEquals(201, acknowledge("E3", digest2016).status());
    String aboutAnn = RunningServer.incidentOn("2017-03-01").replace("\"person\": {\"roles\": [\"staff\"]}", "\"person\": {\"id\": \"E3\"}");
    JsonNode early = server.rule(aboutAnn).json();
    assertEquals("2016.1", early.path("edition").path("version").asText());
    assertTrue(early.path("acknowledgement").path("acknowledged").asBoolean(), early.toString());
    assertTrue(early.path("acknowledgement").path("summary").asText().startsWith("Ann Teacher acknowledged edition 2016.1 on "), early.toString());
    assertEquals(List.of("staff"), List.of(early.path("ruling").path("person").path(0).path("id").asText()), "roles taken from the roster");

    JsonNode late = server.rule(aboutAnn.replace("2017-03-01", "2018-01-15")).json();
    assertEquals("2017.1", late.path("edition").path("version").asText());
    assertFalse(late.path("acknowledgement").path("acknowledged").asBoolean());
    assertEquals("2016.1", late.path("acknowledgement").path("earlierEditions").path(0).path("version").asText());
    assertEquals("Ann Teacher has not acknowledged edition 2017.1 (only 2016.1, now outdated)", late.path("acknowledgement").path("summary").asText());

    JsonNode stranger = server.rule(RunningServer.incidentOn("2018-01-15").replace("\"person\": {", "\"person\": {\"id\": \"Z9\", ")).json();
    assertFalse(stranger.path("acknowledgement").path("onRoster").asBoolean());
  }

  @Test
  void anAcknowledgementMustNameARosterPersonAndAnEditionOfThePolicy() {
    RunningServer.Answer bad = acknowledge("NOBODY", "sha256:" + "0".repeat(64));
    assertEquals(400, bad.status());
    List<String> pointers = new ArrayList<>();
    bad.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
    assertEquals(List.of("/person", "/digest"), pointers, bad.body());
    assertEquals(400, server.post("/v1/acknowledgements", server.ackKey, "not json").status());
    RunningServer.Answer badCsv = server.send(HttpRequest.newBuilder(server.uri("/v1/people")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("id,name\nE1,Ann\n")), server.adminKey);
    assertEquals(400, badCsv.status());
    assertEquals("the header has no 'email' column (expected id,name,email,roles,academy)",
        badCsv.json().path("errors").path(0).path("detail").asText(), badCsv.body());
  }

  @Test
  void aReportForARoleThePolicyDoesNotDeclareIsRefusedNotAnsweredAsNobodyInScope() {
    RunningServer.Answer answer = server.get("/v1/acknowledgements/report?policy=cat-social-media&role=staf", server.readKey);
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.json().path("detail").asText().endsWith("did you mean 'staff'?"), answer.body());
  }
}
