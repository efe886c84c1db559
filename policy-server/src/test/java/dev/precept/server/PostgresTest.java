package dev.precept.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.library.TrustFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real PostgreSQL: two instances sharing one database keep one chain. */
class PostgresTest {
  static PostgresServer postgres;
  @TempDir Path folder;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twoInstancesOnOneDatabaseAppendToOneUnbrokenChain() throws Exception {
    TrustFolder.approvedEditions(folder);
    try (RunningServer first = new RunningServer(folder, false, Optional.of(postgres.url()), b -> { });
        RunningServer second = new RunningServer(folder, false, Optional.of(postgres.url()), b -> { })) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<RunningServer.Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        RunningServer target = i % 2 == 0 ? first : second;
        String date = i % 3 == 0 ? "2017-03-01" : "2018-01-15";
        answers.add(pool.submit(() -> target.rule(RunningServer.incidentOn(date))));
      }
      Set<Long> seqs = new HashSet<>();
      for (Future<RunningServer.Answer> answer : answers) {
        assertEquals(201, answer.get().status(), answer.get().body());
        String id = answer.get().json().path("decisionId").asText();
        JsonNode logged = first.get("/v1/decisions/" + id, first.readKey).json();
        seqs.add(logged.path("seq").asLong());
      }
      pool.shutdown();
      assertEquals(60, seqs.size());
      assertEquals(60L, seqs.stream().mapToLong(Long::longValue).max().orElseThrow(), "positions 1..60, no gap, no fork");
      assertEquals("postgresql", second.get("/v1/status", second.readKey).json().path("database").asText());
    }
    try (ServerAdmin admin = ServerAdmin.open(folder, Optional.of(postgres.url()))) {
      LogVerification check = admin.verifyLog();
      assertTrue(check.intact(), check.problem().orElse(""));
      assertEquals(60, check.records());
    }
    postgres.sql("UPDATE decisions SET ruling = replace(ruling, 'breached', 'excused') WHERE seq = 17");
    try (ServerAdmin admin = ServerAdmin.open(folder, Optional.of(postgres.url()))) {
      assertEquals(17L, admin.verifyLog().firstBroken().orElseThrow());
    }
  }

  @Test
  void aDatabaseThatCannotBeReachedIsAClearError() {
    dev.precept.model.PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(dev.precept.model.PolicyException.class,
        () -> ServerAdmin.open(folder, Optional.of("jdbc:postgresql://127.0.0.1:1/none?user=postgres&password=secret")));
    assertTrue(e.getMessage().startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/none?user=postgres&password=***"), e.getMessage());
  }
}
