package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-importing the roster makes it the file: people left out leave, and their acknowledgements stay. */
class RosterReimportTest {
  @TempDir Path folder;

  @Test
  void aReimportAddsUpdatesAndRemovesSoTheRosterIsTheFileAndKeepsTheAcknowledgementsOfThoseWhoLeft() {
    try (RunningServer server = new RunningServer(folder)) {
      JsonNode first = people(server, "E1,Ann Teacher,ann@example.org,staff,North\nE2,Bob Teacher,bob@example.org,staff,South\n"
          + "E3,Cat Teacher,cat@example.org,staff,West\n");
      assertEquals("3 0 0 0", counts(first), first.toString());
      String digest = server.get("/v1/policies/cat-social-media", server.readKey).json().path("inForce").path("digest").asText();
      assertEquals(201, server.post("/v1/acknowledgements", server.ackKey,
          "{\"person\": \"E3\", \"policy\": \"cat-social-media\", \"digest\": \"" + digest + "\"}").status());

      JsonNode second = people(server, "E1,Ann Teacher,ann@example.org,staff;volunteer,North\nE2,Bob Teacher,bob@example.org,staff,South\n"
          + "E4,Dan Teacher,dan@example.org,staff,North\n");
      assertEquals("1 1 1 1", counts(second), "added E4, updated E1, removed E3, E2 unchanged: " + second);
      assertEquals(List.of("E1 not acknowledged", "E2 not acknowledged", "E4 not acknowledged"), report(server),
          "E3 has left: no longer in scope");
      JsonNode aboutE3 = server.rule(RunningServer.incidentOn("2018-01-15").replace("\"person\": {", "\"person\": {\"id\": \"E3\", ")).json();
      assertFalse(aboutE3.path("acknowledgement").path("onRoster").asBoolean(), aboutE3.toString());
      assertEquals(400, server.post("/v1/acknowledgements", server.ackKey,
          "{\"person\": \"E3\", \"policy\": \"cat-social-media\", \"digest\": \"" + digest + "\"}").status(), "someone who left cannot acknowledge");

      JsonNode third = people(server, "E1,Ann Teacher,ann@example.org,staff;volunteer,North\nE2,Bob Teacher,bob@example.org,staff,South\n"
          + "E3,Cat Teacher,cat@example.org,staff,West\nE4,Dan Teacher,dan@example.org,staff,North\n");
      assertEquals("1 0 0 3", counts(third), "E3 back: " + third);
      assertTrue(report(server).contains("E3 acknowledged"), "the acknowledgement made before E3 left was kept: " + report(server));
    }
  }

  @Test
  void aRefusedRosterListsEachBadLineAsDataAndImportsNothing() {
    try (RunningServer server = new RunningServer(folder)) {
      RunningServer.Answer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/people")).header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofString("id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,,North\n"
              + "E2,Bob Teacher,not-an-address,staff,South\n")), server.adminKey);
      assertEquals(400, answer.status(), answer.body());
      JsonNode problem = answer.json();
      assertEquals("2 problems in the roster; nothing was imported", problem.path("detail").asText(), answer.body());
      List<String> rows = new ArrayList<>();
      problem.path("errors").forEach(e -> rows.add(e.path("code").asText() + " " + e.path("line").asInt() + " " + e.path("detail").asText()));
      assertEquals(List.of("invalid-roster-row 2 'E1' has no roles: list them separated by ';' (staff;governor)",
          "invalid-roster-row 3 'not-an-address' is not an email address"), rows, answer.body());
      assertEquals(List.of(), report(server), "nothing was imported");
    }
  }

  @Test
  void aRoleNoPolicyDeclaresIsNotedWithItsLineAndTheRoleItMayBeATypoOf() {
    try (RunningServer server = new RunningServer(folder)) {
      JsonNode imported = people(server, "E1,Ann Teacher,ann@example.org,staf,North\nE2,Bob Cleaner,bob@example.org,cleaner,South\n"
          + "E3,Cat Teacher,cat@example.org,staff,West\n");
      assertEquals("3 0 0 0", counts(imported), imported.toString());
      List<String> notices = new ArrayList<>();
      imported.path("notices").forEach(n -> notices.add(n.asText()));
      assertEquals(List.of("request body:2: role 'staf' of 'E1' is declared by no policy in the library, so it brings them under none"
          + " (did you mean 'staff'?)",
          "request body:3: role 'cleaner' of 'E2' is declared by no policy in the library, so it brings them under none"), notices);
    }
  }

  private static JsonNode people(RunningServer server, String rows) {
    RunningServer.Answer answer = server.send(HttpRequest.newBuilder(server.uri("/v1/people")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("id,name,email,roles,academy\n" + rows)), server.adminKey);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  private static String counts(JsonNode imported) {
    return imported.path("added").asInt() + " " + imported.path("updated").asInt() + " " + imported.path("removed").asInt() + " "
        + imported.path("unchanged").asInt();
  }

  private static List<String> report(RunningServer server) {
    List<String> rows = new ArrayList<>();
    server.get("/v1/acknowledgements/report?policy=cat-social-media", server.readKey).json().path("people")
        .forEach(p -> rows.add(p.path("id").asText() + " " + p.path("status").asText()));
    return rows;
  }
}
