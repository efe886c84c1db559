package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI description served at /openapi.json describes the real responses. */
class OpenApiTest {
  @TempDir Path folder;

  private static void conforms(JsonNode openApi, String schema, RunningServer.Answer answer) {
    ObjectNode document = openApi.deepCopy();
    document.put("$ref", "#/components/schemas/" + schema);
    SchemaValidator validator = new SchemaValidator(document.toString());
    List<Diagnostic> problems = validator.check(LocatedDocument.read(answer.body().getBytes(StandardCharsets.UTF_8), schema, ReadLimits.STANDARD));
    assertEquals(List.of(), problems, schema + ": " + answer.body());
  }

  @Test
  void everyDescribedResponseMatchesWhatTheServerSends() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      Files.writeString(folder.resolve("people.csv"), "id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff,North\n");
      RunningServer.Answer spec = server.get("/openapi.json", server.readKey);
      assertEquals(200, spec.status());
      JsonNode openApi = spec.json();
      assertEquals("3.1.0", openApi.path("openapi").asText());

      RunningServer.Answer ruling = server.rule(RunningServer.incidentOn("2018-01-15").replace("\"person\": {", "\"person\": {\"id\": \"E1\", "));
      conforms(openApi, "RulingResponse", ruling);
      conforms(openApi, "Problem", server.rule("{\"id\": 3}"));
      conforms(openApi, "Problem", server.get("/v1/status", null));
      RunningServer.Answer notJson = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/policies/cat-social-media/rulings"))
          .header("Content-Type", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString("<p>hello</p>")), server.ruleKey);
      assertEquals(415, notJson.status(), notJson.body());
      assertTrue(openApi.path("paths").path("/v1/policies/{id}/rulings").path("post").path("responses").has("415"), "415 is described");
      conforms(openApi, "Problem", notJson);
      String id = ruling.json().path("decisionId").asText();
      conforms(openApi, "Decision", server.get("/v1/decisions/" + id, server.readKey));
      conforms(openApi, "DecisionPage", server.get("/v1/decisions?limit=1", server.readKey));
      conforms(openApi, "PolicyDetail", server.get("/v1/policies/cat-social-media", server.readKey));
      conforms(openApi, "Status", server.get("/v1/status", server.readKey));
      RunningServer.Answer imported = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/v1/people")).header("Content-Type", "text/csv")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(folder.resolve("people.csv"))), server.adminKey);
      conforms(openApi, "RosterImported", imported);
      String digest = ruling.json().path("edition").path("digest").asText();
      RunningServer.Answer ack = server.post("/v1/acknowledgements", server.ackKey,
          "{\"person\": \"E1\", \"policy\": \"cat-social-media\", \"digest\": \"" + digest + "\"}");
      assertEquals(201, ack.status(), ack.body());
      conforms(openApi, "AcknowledgementRecorded", ack);
      conforms(openApi, "AcknowledgementReport", server.get("/v1/acknowledgements/report?policy=cat-social-media", server.readKey));
      JsonNode policies = server.get("/v1/policies", server.readKey).json().path("policies");
      for (Iterator<JsonNode> it = policies.elements(); it.hasNext();) {
        JsonNode p = it.next();
        conforms(openApi, "PolicySummary", new RunningServer.Answer(200, "application/json", p.toString(), null));
      }
      for (String path : List.of("/v1/policies/{id}/rulings", "/v1/decisions", "/v1/status", "/v1/acknowledgements/report", "/healthz")) {
        assertTrue(openApi.path("paths").has(path), path + " is described");
      }
    }
  }
}
