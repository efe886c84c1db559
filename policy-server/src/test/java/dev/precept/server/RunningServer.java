package dev.precept.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precept.library.TrustFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A server for a test: the example policy's two approved editions in a private folder, keys for
 * each scope, listening on a free port on 127.0.0.1. Close it at the end of the test.
 */
final class RunningServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String POLICY = "cat-social-media";
  static final String INCIDENT = TrustFolder.read(TrustFolder.EXAMPLE_2016.resolveSibling("incidents/staff-logo-after-hours.json"));

  final Path folder;
  final PreceptServer server;
  final String ruleKey;
  final String readKey;
  final String ackKey;
  final String adminKey;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response, its body as text. */
  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  RunningServer(Path folder) {
    this(folder, b -> { });
  }

  RunningServer(Path folder, Consumer<PreceptServer.Builder> settings) {
    this(folder, true, Optional.empty(), settings);
  }

  RunningServer(Path folder, boolean writeEditions, Optional<String> db, Consumer<PreceptServer.Builder> settings) {
    this.folder = folder;
    if (writeEditions) {
      TrustFolder.approvedEditions(folder);
    }
    try (ServerAdmin admin = ServerAdmin.open(folder, db)) {
      ruleKey = admin.createKey("incident system", EnumSet.of(Scope.RULE)).key();
      readKey = admin.createKey("auditor", EnumSet.of(Scope.READ)).key();
      ackKey = admin.createKey("hr system", EnumSet.of(Scope.ACKNOWLEDGE)).key();
      adminKey = admin.createKey("clerk", EnumSet.of(Scope.ADMIN)).key();
    }
    PreceptServer.Builder builder = PreceptServer.builder().library(folder).port(0).reloadEvery(Duration.ofMillis(200));
    db.ifPresent(builder::database);
    settings.accept(builder);
    this.server = builder.start();
  }

  static String incidentOn(String date) {
    return INCIDENT.replace("\"date\": \"2016-12-02\"", "\"date\": \"" + date + "\"");
  }

  Answer post(String path, String key, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), key);
  }

  Answer rule(String body) {
    return post("/v1/policies/" + POLICY + "/rulings", ruleKey, body);
  }

  Answer get(String path, String key) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), key);
  }

  URI uri(String path) {
    return URI.create(server.uri() + path);
  }

  Answer send(HttpRequest.Builder request, String key) {
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
