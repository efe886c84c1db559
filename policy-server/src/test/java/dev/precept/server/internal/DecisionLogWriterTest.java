package dev.precept.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.server.LogVerification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's writer: decision ids in time order, a failed batch, and SQLite's write-ahead log kept short under load. */
class DecisionLogWriterTest {
  @TempDir Path folder;

  @Test
  void decisionIdsAreVersion7UuidsThatSortInTheOrderTheyWereMade() {
    List<String> ids = new ArrayList<>();
    for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 500; millis++) {
      ids.add(DecisionIds.at(millis).toString());
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(ids, sorted, "an id made a millisecond later sorts later");
    for (String id : ids) {
      UUID uuid = UUID.fromString(id);
      assertEquals(7, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
    }
    Set<String> now = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      now.add(DecisionIds.next());
    }
    assertEquals(2_000, now.size(), "ids made in the same millisecond differ");
  }

  private static DecisionRecord record(String id, String ruling) {
    return new DecisionRecord(0, id, "2026-11-25T15:00:00Z", "cat-social-media", "2016-1", "sha256:00", false, "breached", ",staff,",
        null, "key", "{\"date\":\"2016-12-02\"}", ruling, "", "");
  }

  @Test
  void aBatchThatCannotBeWrittenFailsItsRecordsAndTheNextIsWrittenInTheChain() throws Exception {
    try (Database database = Database.open(folder, Optional.empty()); DecisionLog log = new DecisionLog(database, new SimpleMeterRegistry())) {
      String id = DecisionIds.next();
      assertEquals(1, log.append(record(id, "{}")).get(30, TimeUnit.SECONDS).seq());
      ExecutionException refused = assertThrows(ExecutionException.class, () -> log.append(record(id, "{}")).get(30, TimeUnit.SECONDS),
          "a second record with the same decision id breaks the unique index");
      assertTrue(refused.getCause() instanceof SQLException, String.valueOf(refused.getCause()));
      assertEquals(2, log.append(record(DecisionIds.next(), "{}")).get(30, TimeUnit.SECONDS).seq(), "the next record takes the next place");
      LogVerification check = DecisionLog.verify(database);
      assertTrue(check.intact(), check.problem().orElse(""));
      assertEquals(2, check.records());
    }
  }

  @Test
  void theWriteAheadLogStartsOverWhileRecordsKeepComing() throws Exception {
    Path wal = folder.resolve(".precept/precept.db-wal");
    String ruling = "{\"clauses\":\"" + "r".repeat(4_000) + "\"}";
    int count = 2_400;
    long largestWal = 0;
    try (Database database = Database.open(folder, Optional.empty());
        DecisionLog log = new DecisionLog(database, new SimpleMeterRegistry(), 5, 64)) {
      List<CompletableFuture<DecisionRecord>> written = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        written.add(log.append(record(DecisionIds.next(), ruling)));
        if (i % 40 == 39) {
          written.get(i).get(30, TimeUnit.SECONDS); // 40 at a time, as concurrent requests would come
          largestWal = Math.max(largestWal, Files.exists(wal) ? Files.size(wal) : 0);
        }
      }
      for (CompletableFuture<DecisionRecord> w : written) {
        w.get(30, TimeUnit.SECONDS);
      }
      LogVerification check = DecisionLog.verify(database);
      assertTrue(check.intact(), check.problem().orElse(""));
      assertEquals(count, check.records());
    }
    long data = (long) count * ruling.length();
    assertTrue(largestWal < data / 3, "the WAL reached " + largestWal + " bytes for " + data + " bytes of records: it did not start over");
  }
}
