package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.library.TrustFolder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: {@code precept serve} in its own JVM, killed with SIGKILL while rulings pour in;
 * after a restart, every decision that was answered 2xx is in the log and the chain verifies.
 */
class ServerCrashTest {
  private static final Pattern DECISION = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private Process serve(Path library, int port, String log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.precept.cli.Precept",
        "serve", library.toString(), "--port", Integer.toString(port));
    builder.redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    return builder.start();
  }

  private static void awaitHealthy(HttpClient http, int port, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the server process exited early");
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not start within 90 s");
  }

  @Test
  void everyDecisionAnswered2xxSurvivesASigkillAndTheChainVerifies() throws Exception {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    String ruleKey = PreceptTest.run("apikey", "create", library.toString(), "--scope", "rule").out().strip();
    String readKey = PreceptTest.run("apikey", "create", library.toString(), "--scope", "read").out().strip();
    String incident = TrustFolder.read(Path.of("../examples/connect-academy-trust/incidents/staff-logo-after-hours.json"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int port = freePort();
    Process server = serve(library, port, "first-run.log");
    ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try {
      awaitHealthy(http, port, server);
      HttpRequest rule = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/policies/cat-social-media/rulings"))
          .header("Authorization", "Bearer " + ruleKey).timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString(incident)).build();
      for (int t = 0; t < 6; t++) {
        clients.submit(() -> {
          for (int i = 0; i < 5_000 && !stop.get(); i++) {
            try {
              HttpResponse<String> response = http.send(rule, HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() / 100 == 2) {
                Matcher m = DECISION.matcher(response.body());
                assertTrue(m.find(), response.body());
                answered.add(m.group(1));
              }
            } catch (IOException refusedOnceKilled) {
              if (!server.isAlive()) {
                return null;
              }
            }
          }
          return null;
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (answered.size() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(answered.size() >= 100, "only " + answered.size() + " rulings answered before the deadline");
      server.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is flushed
      assertTrue(server.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, server.exitValue(), "killed by SIGKILL");
    } finally {
      stop.set(true);
      clients.shutdown();
      clients.awaitTermination(30, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
    List<String> confirmed = new ArrayList<>(answered);

    Process restarted = serve(library, port, "second-run.log");
    try {
      awaitHealthy(http, port, restarted);
      for (String id : confirmed) {
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/decisions/" + id))
            .header("Authorization", "Bearer " + readKey).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, found.statusCode(), "decision " + id + " was answered 201 but is not in the log after the crash");
      }
    } finally {
      restarted.destroy(); // SIGTERM: a graceful stop
      restarted.waitFor(30, TimeUnit.SECONDS);
      restarted.destroyForcibly();
    }
    PreceptTest.Run verify = PreceptTest.run("log", "verify", library.toString());
    assertEquals(0, verify.code(), verify.out() + Files.readString(dir.resolve("second-run.log")));
    assertTrue(verify.out().startsWith("decision log intact: "), verify.out());
    long records = Long.parseLong(verify.out().replaceAll("\\D+", " ").strip().split(" ")[0]);
    assertTrue(records >= confirmed.size(), records + " records for " + confirmed.size() + " confirmed decisions");
  }
}
