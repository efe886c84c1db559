package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.library.TrustFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies, documents, status, reloading, metrics. */
class LibraryApiTest {
  @TempDir Path folder;

  private static JsonNode awaitStatus(RunningServer server, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonNode status = server.get("/v1/status", server.readKey).json();
    while (!condition.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = server.get("/v1/status", server.readKey).json();
    }
    assertTrue(condition.test(status), "status never showed the change: " + status);
    return status;
  }

  @Test
  void policiesShowTheEditionInForceItsNextReviewAndEveryEditionsStanding() {
    try (RunningServer server = new RunningServer(folder)) {
      JsonNode list = server.get("/v1/policies", server.readKey).json();
      JsonNode policy = list.path("policies").path(0);
      assertEquals("cat-social-media", policy.path("id").asText());
      assertEquals("2017.1", policy.path("inForce").path("version").asText());
      assertEquals("2018-10-11", policy.path("nextReview").asText());
      JsonNode detail = server.get("/v1/policies/cat-social-media", server.readKey).json();
      List<String> standing = new ArrayList<>();
      detail.path("editions").forEach(e -> standing.add(e.path("version").asText() + ": " + e.path("status").asText()));
      assertEquals(List.of("2016.1: superseded", "2017.1: in force"), standing);
      assertEquals("social-media-policy-2017.yaml", detail.path("editions").path(1).path("file").asText());
      assertEquals(404, server.get("/v1/policies/nope", server.readKey).status());
    }
  }

  /** 2017.1 comes into force on 1 November 2017: at midnight where the trust is, not at midnight in UTC. */
  @Test
  void theEditionInForceChangesAtMidnightInTheTrustsTimeZone() {
    java.time.Clock evening = java.time.Clock.fixed(java.time.Instant.parse("2017-10-31T20:00:00Z"), java.time.ZoneOffset.UTC);
    try (RunningServer utc = new RunningServer(folder.resolve("utc"), b -> b.clock(evening))) {
      assertEquals("2016.1", utc.get("/v1/policies", utc.readKey).json().path("policies").path(0).path("inForce").path("version").asText());
    }
    try (RunningServer tokyo = new RunningServer(folder.resolve("tokyo"),
        b -> b.clock(evening).timeZone(java.time.ZoneId.of("Asia/Tokyo")))) {
      assertEquals("2017.1", tokyo.get("/v1/policies", tokyo.readKey).json().path("policies").path(0).path("inForce").path("version").asText(),
          "05:00 on 1 November in Tokyo");
    }
  }

  @Test
  void aMethodARouteDoesNotTakeIsRefusedAsNotAllowedNotAsNoResource() {
    try (RunningServer server = new RunningServer(folder)) {
      RunningServer.Answer answer = server.get("/v1/policies/cat-social-media/rulings", server.ruleKey);
      assertEquals(405, answer.status(), answer.body());
      assertEquals("https://precept.dev/problems/method-not-allowed", answer.json().path("type").asText(), answer.body());
      assertEquals(java.util.Optional.of("POST"), answer.raw().headers().firstValue("Allow"));
      assertEquals("GET is not allowed on /v1/policies/cat-social-media/rulings", answer.json().path("detail").asText());
      assertEquals(404, server.get("/v1/no-such-thing", server.readKey).status());
    }
  }

  @Test
  void theDocumentIsServedAsHtmlAndPdfWithItsSignatures() {
    try (RunningServer server = new RunningServer(folder)) {
      RunningServer.Answer html = server.get("/v1/policies/cat-social-media/document", server.readKey);
      assertEquals(200, html.status());
      assertTrue(html.contentType().startsWith("text/html"), html.contentType());
      assertTrue(html.body().contains("Social Media Policy") && html.body().contains("Bob Example"), "title and the Chair's verified signature");
      assertTrue(html.body().contains("2017.1"));
      assertTrue(server.get("/v1/policies/cat-social-media/document?edition=2016.1", server.readKey).body().contains("2016.1"));
      RunningServer.Answer pdf = server.get("/v1/policies/cat-social-media/document?format=pdf", server.readKey);
      assertEquals("application/pdf", pdf.contentType());
      assertTrue(pdf.body().startsWith("%PDF-"));
      assertEquals(400, server.get("/v1/policies/cat-social-media/document?format=docx", server.readKey).status());
      assertEquals(404, server.get("/v1/policies/cat-social-media/document?edition=1999.1", server.readKey).status());
    }
  }

  @Test
  void aChangeThatFailsValidationOrApprovalNeverReplacesTheEditionInForce() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      JsonNode before = server.get("/v1/status", server.readKey).json();
      String digest = before.path("policies").path(0).path("inForce").path("digest").asText();
      assertEquals(0, before.path("problems").size(), before.toString());
      Path file = folder.resolve("social-media-policy-2017.yaml");
      String approved = TrustFolder.read(file);

      TrustFolder.write(file, approved.replace("schemaVersion: 1", "schemaVersion: 1\nnonsense: [").replace("\nid:", "\nid: "));
      JsonNode invalid = awaitStatus(server, s -> s.path("problems").size() == 1);
      assertEquals("social-media-policy-2017.yaml", invalid.path("problems").path(0).path("file").asText());
      assertTrue(invalid.path("problems").path(0).path("message").asText().endsWith("the edition read before, 2017.1, is kept"), invalid.toString());
      assertEquals(digest, invalid.path("policies").path(0).path("inForce").path("digest").asText());
      assertEquals("2017.1", server.rule(RunningServer.incidentOn("2018-01-15")).json().path("edition").path("version").asText());

      TrustFolder.write(file, approved.replace("Social Media Policy", "Social Networking Policy"));
      JsonNode unapproved = awaitStatus(server, s -> s.path("problems").path(0).path("message").asText().startsWith("changed, but the change is not approved"));
      assertEquals(digest, unapproved.path("policies").path(0).path("inForce").path("digest").asText());

      TrustFolder.sign(file, TrustFolder.APPROVED_2017);
      JsonNode signed = awaitStatus(server, s -> s.path("problems").size() == 0);
      String newDigest = signed.path("policies").path(0).path("inForce").path("digest").asText();
      assertTrue(!newDigest.equals(digest) && newDigest.startsWith("sha256:"), signed.toString());
      JsonNode ruled = server.rule(RunningServer.incidentOn("2018-01-15")).json();
      assertEquals(newDigest, ruled.path("edition").path("digest").asText());
    }
  }

  @Test
  void aDraftBesideTheApprovedEditionIsShownAsRefusedWithItsReasons() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      TrustFolder.write(folder.resolve("drafts/social-media-policy-2018.yaml"), TrustFolder.read(TrustFolder.EXAMPLE_2017)
          .replace("version: \"2017.1\"\n  status", "version: \"2018.1\"\n  status").replace("drafted: 2017-09-01", "drafted: 2018-09-01"));
      JsonNode status = awaitStatus(server, s -> s.path("policies").path(0).path("refused").size() == 1);
      JsonNode refused = status.path("policies").path(0).path("refused").path(0);
      assertEquals("2018.1", refused.path("version").asText());
      assertEquals("drafts/social-media-policy-2018.yaml", refused.path("file").asText());
      assertTrue(refused.path("reasons").path(0).asText().contains("no approvals"), refused.toString());
      assertEquals("2017.1", status.path("policies").path(0).path("inForce").path("version").asText());
    }
  }

  @Test
  void metricsCountRulingsLogWritesAndReloadFailures() {
    try (RunningServer server = new RunningServer(folder)) {
      assertEquals(201, server.rule(RunningServer.incidentOn("2018-01-15")).status());
      RunningServer.Answer metrics = server.get("/metrics", server.readKey);
      assertEquals(200, metrics.status());
      assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
      for (String name : List.of("precept_rulings_seconds_count 1\n", "precept_rulings_seconds_bucket", "precept_log_write_seconds_count",
          "precept_library_reload_failures_total 0")) {
        assertTrue(metrics.body().contains(name), name + " missing from\n" + metrics.body());
      }
      assertEquals(403, server.get("/metrics", server.ruleKey).status());
    }
  }
}
