package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.library.Drafts;
import dev.precept.library.RegisterPage;
import dev.precept.library.TrustFolder;
import dev.precept.library.TrustLibrary;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff pages over HTTP: sign-in, CSRF, escaping, the explorer, acknowledgement links. */
class StaffPagesTest {
  @TempDir Path folder;

  /** A browser-like client: keeps cookies, does not follow redirects. */
  private static final class Clerk {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    final RunningServer server;

    Clerk(RunningServer server) {
      this.server = server;
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      return http.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String path) throws Exception {
      return Jsoup.parse(get(path).body()).selectFirst("input[name=csrf]").attr("value");
    }

    void signIn(String key) throws Exception {
      HttpResponse<String> in = post("/staff/login", Map.of("csrf", csrf("/staff/login"), "key", key));
      assertEquals(303, in.statusCode(), in.body());
      String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("precept_session=")).findFirst().orElseThrow();
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=28800"), cookie);
    }
  }

  @Test
  void aClerkSignsInWithAKeyAndSeesTheLibrary() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      Clerk clerk = new Clerk(server);
      assertEquals("/staff/login", clerk.get("/staff").headers().firstValue("Location").orElseThrow());
      HttpResponse<String> wrong = clerk.post("/staff/login", Map.of("csrf", clerk.csrf("/staff/login"), "key", "pk.nope"));
      assertEquals(401, wrong.statusCode());
      clerk.signIn(server.readKey);
      Document library = Jsoup.parse(clerk.get("/staff").body());
      assertEquals("Policy library · Precept", library.title());
      String row = library.select("#policies tbody tr").first().text();
      assertTrue(row.contains("Social Media Policy") && row.contains("2017.1") && row.contains("2018-10-11"), row);
      HttpResponse<String> document = clerk.get("/v1/policies/cat-social-media/document");
      assertEquals(200, document.statusCode(), "a signed-in clerk reads the document through the session");
    }
  }

  @Test
  void theRegisterPageIsTheSamePageTheLibraryCommandWrites() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      Clerk clerk = new Clerk(server);
      assertEquals("/staff/login", clerk.get("/staff/register").headers().firstValue("Location").orElseThrow(),
          "the register needs a signed-in clerk");
      clerk.signIn(server.readKey);
      assertTrue(Jsoup.parse(clerk.get("/staff").body()).select("a[href=/staff/register]").size() == 1, "the library links to it");
      HttpResponse<String> page = clerk.get("/staff/register");
      assertEquals(200, page.statusCode());
      String expected = RegisterPage.html(TrustLibrary.open(folder).register(LocalDate.now(ZoneOffset.UTC), Period.ofDays(60)));
      assertEquals(expected, page.body());
      assertTrue(page.body().contains("Social Media Policy"), "it lists the library's policies");
    }
  }

  @Test
  void formsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      Clerk clerk = new Clerk(server);
      assertEquals(403, clerk.post("/staff/login", Map.of("csrf", "guessed", "key", server.readKey)).statusCode());
      clerk.signIn(server.readKey);
      Map<String, String> form = Map.of("date", "2018-01-15", "role", "staff", "category", "name-and-materials");
      assertEquals(403, clerk.post("/staff/policies/cat-social-media/explorer", form).statusCode());
      assertEquals(403, clerk.post("/staff/logout", Map.of("csrf", "x")).statusCode());
      HttpResponse<String> apiPost = clerk.http.send(HttpRequest.newBuilder(server.uri("/v1/policies/cat-social-media/rulings"))
          .POST(HttpRequest.BodyPublishers.ofString(RunningServer.incidentOn("2018-01-15"))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, apiPost.statusCode(), "a session cookie never authorises writes through the API");
    }
  }

  @Test
  void theExplorerRulesUnderTheEditionInForceWithoutLogging() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      Clerk clerk = new Clerk(server);
      clerk.signIn(server.readKey);
      String csrf = clerk.csrf("/staff/policies/cat-social-media/explorer");
      HttpResponse<String> ruled = clerk.post("/staff/policies/cat-social-media/explorer", Map.of("csrf", csrf, "date", "2018-01-15",
          "role", "staff", "category", "name-and-materials", "fact.during-working-hours", "false", "fact.investigation-finding", "breach"));
      assertEquals(200, ruled.statusCode());
      Document page = Jsoup.parse(ruled.body());
      assertEquals("Ruling: breached", page.selectFirst("#ruling h2").text());
      assertTrue(page.selectFirst("#ruling pre").text().contains("version 2017.1"), page.selectFirst("#ruling").text());
      assertEquals(0, server.get("/v1/decisions", server.readKey).json().path("decisions").size(), "explorer rulings are not decisions");
      HttpResponse<String> early = clerk.post("/staff/policies/cat-social-media/explorer", Map.of("csrf", csrf, "date", "2015-01-01",
          "role", "staff", "category", "name-and-materials"));
      assertTrue(Jsoup.parse(early.body()).selectFirst("#ruling").text().contains("before the first approved edition"), early.body());
    }
  }

  @Test
  void policyTextIsEscapedOnEveryPage() throws Exception {
    String hostile = TrustFolder.read(TrustFolder.EXAMPLE_2016).replace("title: Social Media Policy", "title: \"Social <script>alert(1)</script> & Media\"")
        .replace("description: People employed by the Trust.", "description: \"<img src=x onerror=alert(2)>\"");
    TrustFolder.approved(folder.resolve("social-media-policy.yaml"), hostile, TrustFolder.APPROVED_2016, Optional.empty());
    try (RunningServer server = new RunningServer(folder, false, Optional.empty(), b -> { })) {
      Clerk clerk = new Clerk(server);
      clerk.signIn(server.readKey);
      for (String page : List.of("/staff", "/staff/policies/cat-social-media/explorer")) {
        String html = clerk.get(page).body();
        assertFalse(html.contains("<script>alert(1)") || html.contains("<img src=x"), page + ": " + html);
        assertTrue(html.contains("Social &lt;script&gt;alert(1)&lt;/script&gt; &amp; Media"), page);
      }
    }
  }

  @Test
  void anAcknowledgementLinkWorksOnceForItsPersonAndEditionOnly() throws Exception {
    try (RunningServer server = new RunningServer(folder)) {
      String link;
      try (ServerAdmin admin = ServerAdmin.open(folder, Optional.empty())) {
        admin.importPeople("id,name,email,roles,academy\nE1,Ann Teacher,ann@example.org,staff,North\n", "people.csv");
        link = admin.ackLinks("cat-social-media", server.server.uri().toString(), Duration.ofDays(7), Drafts.REFUSED).get(0).url();
      }
      String path = link.substring(server.server.uri().toString().length());
      Clerk staff = new Clerk(server);
      Document page = Jsoup.parse(staff.get(path).body());
      assertEquals("I have read edition 2017.1", page.selectFirst("#acknowledge").text());
      assertTrue(page.text().contains("For Ann Teacher (staff)"), page.text());
      assertEquals(200, staff.get(path + "/document").statusCode());
      String csrf = page.selectFirst("input[name=csrf]").attr("value");
      assertEquals(403, staff.post(path, Map.of("csrf", "forged")).statusCode());
      HttpResponse<String> done = staff.post(path, Map.of("csrf", csrf));
      assertEquals(200, done.statusCode(), done.body());
      assertTrue(Jsoup.parse(done.body()).selectFirst("#acknowledged").text().startsWith("Ann Teacher acknowledged Social Media Policy, edition 2017.1"));
      assertEquals(410, staff.post(path, Map.of("csrf", csrf)).statusCode(), "a link works once");
      assertEquals(410, staff.get(path).statusCode());

      String token = path.substring("/ack/".length());
      String payload = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.lastIndexOf('.'))), StandardCharsets.UTF_8);
      String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("E1", "E2").getBytes(StandardCharsets.UTF_8))
          + token.substring(token.lastIndexOf('.'));
      assertEquals(404, staff.get("/ack/" + forged).statusCode(), "another person cannot be put in the link");
      assertEquals("acknowledged", server.get("/v1/acknowledgements/report?policy=cat-social-media", server.readKey).json()
          .path("people").path(0).path("status").asText());
    }
  }
}
