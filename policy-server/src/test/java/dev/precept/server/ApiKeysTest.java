package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what: keys, scopes, revocation. */
class ApiKeysTest {
  @TempDir Path folder;

  @Test
  void withoutAKeyOnlyHealthAndReadinessAnswer() {
    try (RunningServer server = new RunningServer(folder)) {
      assertEquals(200, server.get("/healthz", null).status());
      assertEquals("ready", server.get("/readyz", null).json().path("status").asText());
      for (String path : List.of("/v1/policies", "/v1/decisions", "/v1/status", "/metrics", "/openapi.json")) {
        RunningServer.Answer answer = server.get(path, null);
        assertEquals(401, answer.status(), path);
        assertEquals("Bearer realm=\"precept\"", answer.raw().headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("application/problem+json", answer.contentType());
      }
      assertEquals(401, server.post("/v1/policies/cat-social-media/rulings", null, RunningServer.incidentOn("2018-01-15")).status());
      assertEquals(401, server.get("/v1/policies", "pk.000000000000." + "0".repeat(64)).status());
      assertEquals(401, server.get("/v1/policies", "not-a-key").status());
    }
  }

  @Test
  void aKeyOnlyDoesWhatItsScopesAllow() {
    try (RunningServer server = new RunningServer(folder)) {
      RunningServer.Answer readerRules = server.post("/v1/policies/cat-social-media/rulings", server.readKey, RunningServer.incidentOn("2018-01-15"));
      assertEquals(403, readerRules.status());
      assertEquals("this key ('auditor') lacks the 'rule' scope", readerRules.json().path("detail").asText());
      assertEquals(403, server.get("/v1/decisions", server.ruleKey).status());
      assertEquals(403, server.post("/v1/acknowledgements", server.readKey, "{}").status());
      assertEquals(200, server.get("/v1/decisions", server.readKey).status());
      assertEquals(201, server.post("/v1/policies/cat-social-media/rulings", server.adminKey, RunningServer.incidentOn("2018-01-15")).status());
      assertEquals(200, server.get("/v1/status", server.adminKey).status());
    }
  }

  @Test
  void aRevokedKeyIsRefusedAndKeysAreStoredOnlyAsHashes() throws Exception {
    String key;
    String id;
    try (ServerAdmin admin = ServerAdmin.open(folder, Optional.empty())) {
      NewApiKey created = admin.createKey("leaver", EnumSet.of(Scope.READ));
      key = created.key();
      id = created.id();
      assertTrue(key.matches("pk\\.[0-9a-f]{12}\\.[0-9a-f]{64}"), key);
      assertTrue(admin.revokeKey(id));
      assertFalse(admin.revokeKey(id), "already revoked");
      ApiKeyInfo listed = admin.keys().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
      assertTrue(listed.revoked().isPresent());
      assertEquals(EnumSet.of(Scope.READ), listed.scopes());
    }
    byte[] database = Files.readAllBytes(folder.resolve(".precept/precept.db"));
    assertFalse(new String(database, java.nio.charset.StandardCharsets.ISO_8859_1).contains(key.substring(16)), "the secret is not stored");
    try (RunningServer server = new RunningServer(folder)) {
      assertEquals(401, server.get("/v1/policies", key).status());
    }
  }
}
