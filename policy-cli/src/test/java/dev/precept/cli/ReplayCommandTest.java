package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.library.TrustFolder;
import dev.precept.server.PreceptServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept replay}: logged rulings re-ruled under a draft. */
class ReplayCommandTest {
  @TempDir Path dir;

  @Test
  void replayListsTheLoggedRulingsADraftWouldChange() throws Exception {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    String key = PreceptTest.run("apikey", "create", library.toString(), "--scope", "rule").out().strip();
    String incident = TrustFolder.read(Path.of("../examples/connect-academy-trust/incidents/staff-logo-after-hours.json"));
    try (PreceptServer server = PreceptServer.builder().library(library).port(0).start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (String date : new String[] {"2018-01-15", "2018-02-01"}) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/policies/cat-social-media/rulings"))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(incident.replace("2016-12-02", date))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
      }
    }
    Path same = dir.resolve("same.yaml");
    TrustFolder.write(same, TrustFolder.read(library.resolve("social-media-policy-2017.yaml")));
    PreceptTest.Run unchanged = PreceptTest.run("replay", "--log", library.toString(), "--policy", same.toString());
    assertEquals(0, unchanged.code(), unchanged.out() + unchanged.err());
    assertTrue(unchanged.out().startsWith("Of 2 logged rulings of cat-social-media, 0 would change"), unchanged.out());

    Path draft = dir.resolve("draft.yaml");
    TrustFolder.write(draft, TrustFolder.read(library.resolve("social-media-policy-2017.yaml"))
        .replaceFirst("office: ceo\n                timing: prior", "office: ceo\n                timing: any"));
    PreceptTest.Run changed = PreceptTest.run("replay", "--log", library.toString(), "--policy", draft.toString());
    assertEquals(1, changed.code(), changed.out() + changed.err());
    assertTrue(changed.out().startsWith("Of 2 logged rulings of cat-social-media, 2 would change under draft.yaml version 2017.1:"), changed.out());
    assertTrue(changed.out().contains("clause conduct.name-and-logo: breached -> excused"), changed.out());
  }

  @Test
  void packGivenTheLogListsTheLoggedRulingsTheEditionWouldChangeInHtmlAndPdf() throws Exception {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    String key = PreceptTest.run("apikey", "create", library.toString(), "--scope", "rule").out().strip();
    String incident = TrustFolder.read(Path.of("../examples/connect-academy-trust/incidents/staff-logo-after-hours.json"));
    String withoutPermission = incident.replaceFirst(",\\s*\"permissions\": \\[[^\\]]*\\]", "");
    assertTrue(!withoutPermission.contains("permissions"), withoutPermission);
    try (PreceptServer server = PreceptServer.builder().library(library).port(0).start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (String body : new String[] {incident.replace("2016-12-02", "2018-01-15"), incident.replace("2016-12-02", "2018-02-01"),
          withoutPermission.replace("2016-12-02", "2018-03-01")}) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/policies/cat-social-media/rulings"))
            .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
      }
    }
    Path draft = dir.resolve("draft.yaml");
    TrustFolder.write(draft, TrustFolder.read(library.resolve("social-media-policy-2017.yaml"))
        .replaceFirst("office: ceo\n                timing: prior", "office: ceo\n                timing: any"));
    Path out = dir.resolve("pack");
    PreceptTest.Run pack = PreceptTest.run("pack", draft.toString(), "--log", library.toString(), "--out", out.toString());
    assertEquals(0, pack.code(), pack.out() + pack.err());
    String since = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusYears(1).toString();
    assertTrue(pack.out().startsWith("Of the 3 rulings logged in the last year (since " + since + "), 2 would change under this edition.\n"),
        pack.out());
    String page = java.nio.file.Files.readString(out.resolve("replay.html"));
    assertTrue(page.contains("Of the 3 rulings logged in the last year (since " + since + "), 2 would change under this edition:"), page);
    assertEquals(2, page.split("clause conduct.name-and-logo: breached -&gt; excused", -1).length - 1, page);
    assertTrue(java.nio.file.Files.readString(out.resolve("index.html")).contains("href=\"replay.html\""));
    byte[] pdf = java.nio.file.Files.readAllBytes(out.resolve("replay.pdf"));
    assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

    PreceptTest.Run later = PreceptTest.run("pack", draft.toString(), "--log", library.toString(), "--since", "2099-01-01",
        "--out", dir.resolve("later").toString());
    assertTrue(later.out().startsWith("Of the 0 rulings logged since 2099-01-01, 0 would change under this edition."), later.out());
    PreceptTest.Run both = PreceptTest.run("pack", draft.toString(), "--log", library.toString(), "--db", "jdbc:sqlite:x.db",
        "--out", dir.resolve("both").toString());
    assertEquals(2, both.code(), both.out() + both.err());
  }
}
