package dev.precept.server.internal;

import dev.precept.server.LogVerification;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision log. Appends go through one writer thread that takes every record waiting, writes
 * them in one transaction (group commit: one fsync for the batch) and only then completes their
 * futures: a caller answers its request after the future completes, so a 2xx always means the
 * record is durable. Each transaction locks the chain's head row first, so several servers sharing
 * a PostgreSQL database append in one total order. On SQLite a second thread checkpoints the
 * write-ahead log, so that copying pages into the database file is not on the commit path.
 */
public final class DecisionLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
  private static final int MAX_BATCH = 1000;
  private static final long CHECKPOINT_EVERY_MS = 250;
  /** WAL pages (4 KiB each) past which the writer finishes a checkpoint, so the WAL starts over. */
  private static final long WAL_FRAMES_LONG = 4096;

  private final long checkpointEveryMs;
  private final long walFramesLong;
  private static final String COLUMNS = "seq, decision_id, recorded_at, policy_id, edition_version, edition_digest, draft, outcome, "
      + "roles, person_ref, api_key_id, incident, ruling, prev_hash, hash";

  private final Database database;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
  private final Thread writer;
  private final Thread checkpointer;
  private final Timer writeTimer;
  private final DistributionSummary batchSize;
  private final AtomicBoolean walLong = new AtomicBoolean();
  private volatile boolean open = true;

  private record Pending(DecisionRecord record, CompletableFuture<DecisionRecord> done) {}

  /** A log writing to this database; its writer thread starts at once. */
  public DecisionLog(Database database, MeterRegistry metrics) {
    this(database, metrics, CHECKPOINT_EVERY_MS, WAL_FRAMES_LONG);
  }

  /** A log that checkpoints SQLite's WAL this often and finishes a checkpoint past this many WAL pages. */
  DecisionLog(Database database, MeterRegistry metrics, long checkpointEveryMs, long walFramesLong) {
    this.database = database;
    this.checkpointEveryMs = checkpointEveryMs;
    this.walFramesLong = walFramesLong;
    this.writeTimer = Timer.builder("precept.log.write").description("Time to commit one batch of decision records")
        .publishPercentileHistogram().register(metrics);
    this.batchSize = DistributionSummary.builder("precept.log.batch").description("Decision records committed in one transaction")
        .register(metrics);
    metrics.gauge("precept.log.queue", queue, BlockingQueue::size);
    this.writer = new Thread(this::run, "precept-decision-log");
    writer.setDaemon(true);
    writer.start();
    if (database.postgres()) {
      this.checkpointer = null;
    } else {
      this.checkpointer = new Thread(this::checkpoint, "precept-decision-log-checkpoint");
      checkpointer.setDaemon(true);
      checkpointer.start();
    }
  }

  /**
   * Queues a record; the future completes once it is committed (with its place in the chain),
   * or fails when it could not be.
   */
  public CompletableFuture<DecisionRecord> append(DecisionRecord record) {
    CompletableFuture<DecisionRecord> done = new CompletableFuture<>();
    if (!open || !queue.offer(new Pending(record, done))) {
      done.completeExceptionally(new IllegalStateException(open ? "the decision log is overloaded" : "the decision log is closed"));
    }
    return done;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    Writer writer = null;
    while (open || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        long start = System.nanoTime();
        if (writer == null) {
          writer = new Writer();
        }
        List<DecisionRecord> written = writer.write(batch);
        writeTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).done().complete(written.get(i));
        }
        writer.checkpointIfDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(batch, e);
        break;
      } catch (SQLException | RuntimeException e) {
        LOG.error("could not write {} decision records", batch.size(), e);
        fail(batch, e);
        if (writer != null) {
          writer.close(); // a fresh connection for the next batch
          writer = null;
        }
      }
      batch.clear();
    }
    if (writer != null) {
      writer.close();
    }
  }

  private static void fail(List<Pending> batch, Exception e) {
    batch.forEach(p -> p.done().completeExceptionally(e));
  }

  /**
   * The writer thread's connection, held from batch to batch with its statements prepared once. On
   * SQLite it does not checkpoint the write-ahead log after its commits (the checkpointer thread
   * copies committed pages into the database file beside it); it only finishes a checkpoint, which
   * the checkpointer has mostly done, when the checkpointer says the WAL has grown, so that the WAL
   * starts over instead of growing under constant load.
   */
  private final class Writer implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement lock;
    private final PreparedStatement head;
    private final PreparedStatement insert;
    private final PreparedStatement update;

    Writer() throws SQLException {
      c = database.connection();
      try {
        if (!database.postgres()) {
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
          }
        }
        c.setAutoCommit(false);
        // on SQLite, take the write lock before reading the head, as PostgreSQL's row lock does
        lock = database.postgres() ? null : c.prepareStatement("UPDATE log_head SET seq = seq WHERE id = 1");
        head = c.prepareStatement("SELECT seq, hash FROM log_head WHERE id = 1" + (database.postgres() ? " FOR UPDATE" : ""));
        insert = c.prepareStatement("INSERT INTO decisions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        update = c.prepareStatement("UPDATE log_head SET seq = ?, hash = ? WHERE id = 1");
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }

    /** Writes the batch in one transaction; on a failure the caller closes this writer, which rolls back. */
    List<DecisionRecord> write(List<Pending> batch) throws SQLException {
      if (lock != null) {
        lock.executeUpdate();
      }
      long seq;
      String hash;
      try (ResultSet rs = head.executeQuery()) {
        rs.next();
        seq = rs.getLong(1);
        hash = rs.getString(2);
      }
      List<DecisionRecord> written = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        DecisionRecord placed = p.record().appendedAt(++seq, hash);
        hash = placed.hash();
        bind(insert, placed);
        insert.addBatch();
        written.add(placed);
      }
      insert.executeBatch();
      update.setLong(1, seq);
      update.setString(2, hash);
      update.executeUpdate();
      c.commit();
      return written;
    }

    /** Finishes a checkpoint when the checkpointer asked for one (SQLite); a failure is logged, the records are already safe. */
    void checkpointIfDue() {
      if (!walLong.compareAndSet(true, false)) {
        return;
      }
      try (Statement s = c.createStatement()) {
        c.setAutoCommit(true); // a checkpoint runs outside a transaction
        s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        c.setAutoCommit(false);
      } catch (SQLException e) {
        LOG.warn("could not checkpoint the decision log's write-ahead log: {}", e.getMessage());
      }
    }

    /** Rolls back what a failed batch left, and gives the connection back (a broken one is dropped by the pool). */
    @Override
    public void close() {
      try {
        c.rollback();
        if (!database.postgres()) {
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=1000"); // the pool's other users checkpoint as SQLite does by default
          }
        }
      } catch (SQLException e) {
        LOG.warn("could not reset the decision log's connection: {}", e.getMessage());
      } finally {
        try {
          c.close(); // closes its statements
        } catch (SQLException e) {
          LOG.warn("could not close the decision log's connection: {}", e.getMessage());
        }
      }
    }
  }

  /**
   * The checkpointer (SQLite only): copies committed pages from the write-ahead log into the
   * database file, without blocking the writer (a passive checkpoint), every quarter second while
   * records are written; when the WAL has grown past 4,096 pages (16 MiB) it asks the writer to
   * finish a checkpoint after its next commit.
   */
  private void checkpoint() {
    long writtenBefore = -1;
    while (open) {
      try {
        Thread.sleep(checkpointEveryMs);
        long written = writeTimer.count();
        if (written == writtenBefore) {
          continue; // nothing new since the last checkpoint
        }
        writtenBefore = written;
        try (Connection c = database.connection(); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
          if (rs.next() && rs.getLong(2) > walFramesLong) {
            walLong.set(true);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        if (open) {
          LOG.warn("could not checkpoint the decision log's write-ahead log: {}", e.getMessage());
        }
      }
    }
  }

  private static void bind(PreparedStatement p, DecisionRecord r) throws SQLException {
    p.setLong(1, r.seq());
    p.setString(2, r.decisionId());
    p.setString(3, r.recordedAt());
    p.setString(4, r.policyId());
    p.setString(5, r.editionVersion());
    p.setString(6, r.editionDigest());
    p.setInt(7, r.draft() ? 1 : 0);
    p.setString(8, r.outcome());
    p.setString(9, r.roles());
    p.setString(10, r.personRef());
    p.setString(11, r.apiKeyId());
    p.setString(12, r.incident());
    p.setString(13, r.ruling());
    p.setString(14, r.prevHash());
    p.setString(15, r.hash());
  }

  private static DecisionRecord read(ResultSet rs) throws SQLException {
    return new DecisionRecord(rs.getLong("seq"), rs.getString("decision_id"), rs.getString("recorded_at"), rs.getString("policy_id"),
        rs.getString("edition_version"), rs.getString("edition_digest"), rs.getInt("draft") != 0, rs.getString("outcome"),
        rs.getString("roles"), rs.getString("person_ref"), rs.getString("api_key_id"), rs.getString("incident"),
        rs.getString("ruling"), rs.getString("prev_hash"), rs.getString("hash"));
  }

  /** The record with this decision id. */
  public Optional<DecisionRecord> find(String decisionId) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM decisions WHERE decision_id = :id")
        .bind("id", decisionId).map((rs, ctx) -> read(rs)).findFirst());
  }

  /** Filters for listing decisions; each empty one matches everything. */
  public record Filter(Optional<String> policy, Optional<String> edition, Optional<String> outcome, Optional<String> role,
      Optional<String> from, Optional<String> to, Optional<String> personRef, long after, int limit) {}

  /** Records matching the filter, in log order, after position {@code after}, at most {@code limit}. */
  public List<DecisionRecord> list(Filter f) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM decisions WHERE seq > :after");
    f.policy().ifPresent(v -> sql.append(" AND policy_id = :policy"));
    f.edition().ifPresent(v -> sql.append(" AND (edition_digest = :edition OR edition_version = :edition)"));
    f.outcome().ifPresent(v -> sql.append(" AND outcome = :outcome"));
    f.role().ifPresent(v -> sql.append(" AND roles LIKE :role"));
    f.from().ifPresent(v -> sql.append(" AND recorded_at >= :from"));
    f.to().ifPresent(v -> sql.append(" AND recorded_at < :to"));
    f.personRef().ifPresent(v -> sql.append(" AND person_ref = :person"));
    sql.append(" ORDER BY seq LIMIT :limit");
    return database.jdbi().withHandle(h -> {
      var q = h.createQuery(sql.toString()).bind("after", f.after()).bind("limit", f.limit());
      f.policy().ifPresent(v -> q.bind("policy", v));
      f.edition().ifPresent(v -> q.bind("edition", v));
      f.outcome().ifPresent(v -> q.bind("outcome", v));
      f.role().ifPresent(v -> q.bind("role", "%," + v.replace("%", "").replace("_", "") + ",%"));
      f.from().ifPresent(v -> q.bind("from", v));
      f.to().ifPresent(v -> q.bind("to", v));
      f.personRef().ifPresent(v -> q.bind("person", v));
      return q.map((rs, ctx) -> read(rs)).list();
    });
  }

  /** Every record of one policy, in log order (for replay). */
  public List<DecisionRecord> ofPolicy(String policyId) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM decisions WHERE policy_id = :p ORDER BY seq")
        .bind("p", policyId).map((rs, ctx) -> read(rs)).list());
  }

  /** Checks the chain from the first record to the head, and names the first record broken. */
  public static LogVerification verify(Database database) {
    try (Connection c = database.connection(); Statement s = c.createStatement()) {
      long expected = 1;
      String previous = "genesis";
      long count = 0;
      s.setFetchSize(500);
      if (database.postgres()) {
        c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      }
      try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM decisions ORDER BY seq")) {
        while (rs.next()) {
          DecisionRecord r = read(rs);
          count++;
          if (r.seq() != expected) {
            return broken(count, expected, String.format(Locale.ROOT, "record %d is missing: the log goes from record %d to record %d "
                + "(a record was deleted)", expected, expected - 1, r.seq()));
          }
          if (!r.prevHash().equals(previous)) {
            return broken(count, r.seq(), String.format(Locale.ROOT, "record %d (decision %s) does not follow record %d: its link to the "
                + "previous record is broken (records were reordered, or one was replaced)", r.seq(), r.decisionId(), r.seq() - 1));
          }
          if (!r.hashMatches()) {
            return broken(count, r.seq(), String.format(Locale.ROOT, "record %d (decision %s) was changed after it was written: its "
                + "content does not match its hash", r.seq(), r.decisionId()));
          }
          previous = r.hash();
          expected++;
        }
      }
      try (ResultSet head = s.executeQuery("SELECT seq, hash FROM log_head WHERE id = 1")) {
        head.next();
        if (head.getLong(1) != expected - 1 || !head.getString(2).equals(previous)) {
          return broken(count, expected, String.format(Locale.ROOT, "the log ends at record %d but had reached record %d: "
              + "records were deleted from its end", expected - 1, head.getLong(1)));
        }
      }
      if (database.postgres()) {
        c.commit();
      }
      return LogVerification.builder().records(count).build();
    } catch (SQLException e) {
      throw new dev.precept.model.PolicyException("cannot read the decision log: " + e.getMessage(), e);
    }
  }

  private static LogVerification broken(long count, long seq, String problem) {
    return LogVerification.builder().records(count).firstBroken(seq).problem(problem).build();
  }

  /** Stops taking records, writes those queued, and stops the writer. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(30_000);
      if (checkpointer != null) {
        checkpointer.interrupt();
        checkpointer.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
