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
}
