package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.library.TrustFolder;
import dev.precept.server.PreceptServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's commands: apikey, log verify, people import, ack-links. */
class ServerCommandsTest {
  @TempDir Path dir;

  private Path library() {
    return TrustFolder.approvedEditions(dir.resolve("policies"));
  }

  @Test
  void apikeyCreatePrintsTheKeyAloneOnceAndListNeverShowsIt() {
    Path library = library();
    PreceptTest.Run created = PreceptTest.run("apikey", "create", library.toString(), "--scope", "rule", "--scope", "read", "--name", "incident system");
    assertEquals(0, created.code(), created.err());
    String key = created.out().strip();
    assertTrue(key.matches("pk\\.[0-9a-f]{12}\\.[0-9a-f]{64}"), created.out());
    assertEquals(key + "\n", created.out().replace("\r\n", "\n"), "the key alone on standard output");
    assertTrue(created.err().contains("with scopes rule, read; it is not shown again"), created.err());
    String id = key.substring(3, 15);
    PreceptTest.Run listed = PreceptTest.run("apikey", "list", library.toString());
    assertTrue(listed.out().contains(id) && listed.out().contains("incident system") && listed.out().contains("rule,read"), listed.out());
    assertFalse(listed.out().contains(key.substring(16)), listed.out());
    assertEquals(0, PreceptTest.run("apikey", "revoke", library.toString(), id).code());
    assertTrue(PreceptTest.run("apikey", "list", library.toString()).out().contains("REVOKED"));
    PreceptTest.Run again = PreceptTest.run("apikey", "revoke", library.toString(), id);
    assertEquals(2, again.code());
    assertTrue(again.err().contains("no active key '" + id + "'"), again.err());
  }

  @Test
  void apikeyCreateRefusesAnUnknownScope() {
    PreceptTest.Run run = PreceptTest.run("apikey", "create", library().toString(), "--scope", "superuser");
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--scope 'superuser': use rule, acknowledge, read or admin"), run.err());
  }

  @Test
  void serveRefusesATimeZoneThatIsNotOneBeforeStarting() {
    PreceptTest.Run run = PreceptTest.run("serve", library().toString(), "--port", "0", "--time-zone", "Europe/Lundon");
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--time-zone 'Europe/Lundon' is not a time zone: give a region such as Europe/London"), run.err());
  }

  @Test
  void logVerifyPassesOnAnIntactLogAndNamesTheFirstEditedRecord() throws Exception {
    Path library = library();
    String key = PreceptTest.run("apikey", "create", library.toString(), "--scope", "rule").out().strip();
    String incident = TrustFolder.read(Path.of("../examples/connect-academy-trust/incidents/staff-logo-after-hours.json"));
    try (PreceptServer server = PreceptServer.builder().library(library).port(0).start()) {
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/v1/policies/cat-social-media/rulings"))
            .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(incident)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
      }
    }
    PreceptTest.Run intact = PreceptTest.run("log", "verify", library.toString());
    assertEquals(0, intact.code(), intact.out() + intact.err());
    assertEquals("decision log intact: 3 records, each chained to the one before\n", intact.out());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.resolve(".precept/precept.db"))) {
      c.createStatement().executeUpdate("UPDATE decisions SET api_key_id = 'someone-else' WHERE seq = 2");
    }
    PreceptTest.Run broken = PreceptTest.run("log", "verify", library.toString());
    assertEquals(1, broken.code());
    assertTrue(broken.out().startsWith("decision log BROKEN at record 2: record 2 (decision "), broken.out());
  }

  @Test
  void peopleImportAddsUpdatesRemovesThoseLeftOutAndRefusesABadFileWhole() throws Exception {
    Path library = library();
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff,North\n"
        + "E2,\"Bob, the Governor\",bob@example.org,governor;parent,South\n");
    PreceptTest.Run first = PreceptTest.run("people", "import", library.toString(), csv.toString());
    assertEquals(0, first.code(), first.err());
    assertEquals("roster imported: added 2, updated 0, removed 0 (0 unchanged)\n", first.out());
    assertEquals("", first.err(), "every role is one a policy declares");
    Files.writeString(csv, "id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff;volunteer,North\n"
        + "E2,\"Bob, the Governor\",bob@example.org,governor;parent,South\n");
    assertEquals("roster imported: added 0, updated 1, removed 0 (1 unchanged)\n", PreceptTest.run("people", "import", library.toString(), csv.toString()).out());
    Files.writeString(csv, "id,name,email,roles,academy\nE2,\"Bob, the Governor\",bob@example.org,governor;parent,South\n"
        + "E6,Eve Teacher,eve@example.org,staff,North\n");
    assertEquals("roster imported: added 1, updated 0, removed 1 (1 unchanged)\n",
        PreceptTest.run("people", "import", library.toString(), csv.toString()).out(), "E1 is not in the file: removed");
    Files.writeString(csv, "id,name,email,roles,academy\nE3,Cat,cat@example.org,staff,North\nE4,,x@example.org,staff,North\nE5,Dan,not-an-email,staff,North\n");
    PreceptTest.Run bad = PreceptTest.run("people", "import", library.toString(), csv.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("people.csv:3: 'E4' has no name"), bad.err());
    assertTrue(bad.err().contains("people.csv:4: 'not-an-email' is not an email address"), bad.err());
    assertTrue(bad.err().contains("nothing imported"), bad.err());
    PreceptTest.Run links = PreceptTest.run("ack-links", library.toString(), "--policy", "cat-social-media", "--base-url", "https://policies.example.org/");
    assertFalse(links.out().contains("\nE3,"), "the refused file imported nobody");
  }

  @Test
  void peopleImportWarnsOfARoleNoPolicyDeclaresAndImportsTheRosterAllTheSame() throws Exception {
    Path library = library();
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staf,North\n");
    PreceptTest.Run run = PreceptTest.run("people", "import", library.toString(), csv.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("roster imported: added 1, updated 0, removed 0 (0 unchanged)\n", run.out());
    assertEquals("warning: " + csv + ":2: role 'staf' of 'E1' is declared by no policy in the library, so it brings them under none"
        + " (did you mean 'staff'?)\n", run.err());
  }

  @Test
  void ackLinksWritesOneSignedLinkPerPersonInScope() throws Exception {
    Path library = library();
    Path csv = dir.resolve("people.csv");
    Files.writeString(csv, "id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff,North\n"
        + "E2,Bob Governor,bob@example.org,governor,South\nX9,Cleaner Contractor,c@example.org,contractor,North\n");
    assertEquals(0, PreceptTest.run("people", "import", library.toString(), csv.toString()).code());
    PreceptTest.Run links = PreceptTest.run("ack-links", library.toString(), "--policy", "cat-social-media", "--base-url", "https://policies.example.org/");
    assertEquals(0, links.code(), links.err());
    List<String> lines = links.out().lines().toList();
    assertEquals("person,name,email,roles,policy,version,expires,link", lines.get(0));
    assertEquals(3, lines.size(), links.out());
    assertTrue(lines.get(1).startsWith("E1,Ann Teacher,ann@example.org,staff,cat-social-media,2017.1,"), lines.get(1));
    assertTrue(lines.get(1).contains(",https://policies.example.org/ack/"), lines.get(1));
    assertFalse(links.out().contains("X9"), "a contractor is not in the policy's scope");
    PreceptTest.Run unknown = PreceptTest.run("ack-links", library.toString(), "--policy", "nope");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("there is no policy 'nope'"), unknown.err());
  }
}
