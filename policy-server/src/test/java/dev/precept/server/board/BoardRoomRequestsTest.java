package dev.precept.server.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.approval.ApprovalRound;
import dev.precept.approval.ApprovalRounds;
import dev.precept.model.PolicyLoader;
import dev.precept.server.internal.board.BoardRoom;
import dev.precept.testkit.SeedPolicy;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading room refuses what it cannot do with a sentence a Board member understands, and never half-acts. */
class BoardRoomRequestsTest {
  private static final LocalDate OPENED = LocalDate.of(2017, 10, 2);
  private static final LocalDate DUE = LocalDate.of(2017, 10, 12);

  @TempDir Path library;
  private Javalin server;
  private ApprovalRounds.Opened opened;

  private String start(LocalDate today) throws IOException {
    Files.copy(SeedPolicy.EDITION_2017, library.resolve("social-media-policy-2017.yaml"));
    opened = ApprovalRounds.open(PolicyLoader.standard().load(SeedPolicy.EDITION_2017), "Board meeting", DUE,
        Map.of("ceo", "Jane Smith", "chair", "Tom Evans"), OPENED, new SecureRandom());
    ApprovalRounds.replace(library.resolve("social-media-policy-2017.round.yaml"), () -> ApprovalRounds.write(opened.round()));
    BoardRoom room = new BoardRoom(library, "http://localhost:1", "localhost", Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = 0;
      room.install(config);
    }).start();
    ApprovalRound round = opened.round();
    return "http://127.0.0.1:" + server.port() + "/board/" + round.id() + "/chair/" + opened.links().get("chair");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aLinkPastTheDueDateHasExpired() throws Exception {
    HttpResponse<String> page = get(start(DUE.plusDays(1)));
    assertEquals(410, page.statusCode());
    assertTrue(page.body().contains("This link expired after 12 October 2017"), page.body());
  }

  @Test
  void theReadingRoomOffersEnrolmentBeforeADecision() throws Exception {
    HttpResponse<String> page = get(start(OPENED));
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("For Tom Evans, Chair of Connect Academy Trust."), page.body());
    assertTrue(page.body().contains("Register my passkey"));
    assertTrue(page.body().contains("Decisions are due by <strong>12 October 2017</strong>"));
  }

  @Test
  void decidingBeforeThePasskeyIsConfirmedIsRefused() throws Exception {
    HttpResponse<String> answer = post(start(OPENED) + "/decide/options", "{\"decision\":\"approved\"}");
    assertEquals(409, answer.statusCode());
    assertEquals("{\"message\":\"Your passkey has not been confirmed by the secretary yet.\"}", answer.body());
  }

  @Test
  void askingForChangesNeedsAComment() throws Exception {
    HttpResponse<String> answer = post(start(OPENED) + "/decide/options", "{\"decision\":\"changes-requested\",\"comment\":\"  \"}");
    assertEquals(400, answer.statusCode());
    assertTrue(answer.body().contains("Say in the comment what should change."), answer.body());
  }

  @Test
  void anAnswerWithoutAQuestionOrNotJsonIsRefused() throws Exception {
    String link = start(OPENED);
    HttpResponse<String> unasked = post(link + "/decide", "{\"credentialId\":\"AAAA\"}");
    assertEquals(409, unasked.statusCode());
    assertTrue(unasked.body().contains("This request has expired or was already used: start again."), unasked.body());
    HttpResponse<String> garbled = post(link + "/decide/options", "not json");
    assertEquals(400, garbled.statusCode());
    assertTrue(garbled.body().contains("The request is not JSON."), garbled.body());
    assertTrue(Files.notExists(library.resolve("social-media-policy-2017.approvals.yaml")));
  }

  @Test
  void aPasskeyAnswerThatDoesNotCheckOutIsRefusedInPlainWordsNotTheLibrarys() throws Exception {
    String link = start(OPENED);
    assertEquals(200, post(link + "/enrol/options", "{}").statusCode());
    HttpResponse<String> answer = post(link + "/enrol", "{\"attestationObject\":\"AAAA\",\"clientDataJSON\":\"AAAA\"}");
    assertEquals(400, answer.statusCode(), answer.body());
    assertEquals("{\"message\":\"Your passkey could not be registered: your device's answer could not be checked for this page."
        + " Nothing was recorded. Press the button to try again; if it happens again, tell the secretary.\"}", answer.body());
    assertTrue(Files.notExists(library.resolve("social-media-policy-2017.keyring.yaml"))
        || !Files.readString(library.resolve("social-media-policy-2017.keyring.yaml")).contains("passkey"), "nothing enrolled");
  }

  @Test
  void aBrokenPolicyFileAsksThePersonToTellTheSecretary() throws Exception {
    String link = start(OPENED);
    Files.writeString(library.resolve("social-media-policy-2017.yaml"), "id: [unclosed\n");
    HttpResponse<String> page = get(link);
    assertEquals(503, page.statusCode());
    assertTrue(page.body().contains("The policy cannot be shown at the moment: its file has an error. Nothing was recorded. "
        + "Please tell the secretary, and pass on what the server found: "), page.body());
    assertFalse(page.body().contains("has been told"), page.body());
  }

  @Test
  void anUnknownPageIsNotFound() throws Exception {
    HttpResponse<String> page = get(start(OPENED) + "/read/secrets.html");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("There is no page"), page.body());
  }
}
