package dev.precept.server.internal;

import dev.precept.library.Drafts;
import dev.precept.server.PersonalData;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Optional;

/** Everything a running server holds, wired together. */
public final class ServerCore implements AutoCloseable {
  public final Path folder;
  public final Database database;
  public final PrometheusMeterRegistry metrics;
  public final ServedLibrary library;
  public final DecisionLog log;
  public final ApiKeys keys;
  public final Roster roster;
  public final Redaction redaction;
  public final RulingDesk desk;
  public final AckLinks links;
  public final Sessions sessions;
  /** What day it is for the trust: the clock in the trust's time zone, so an edition comes into force at its midnight. */
  public final java.time.Clock clock;

  /** Opens the database and the library. */
  public ServerCore(Path folder, Optional<String> db, Drafts drafts, PersonalData personal, Optional<Path> personalKey) {
    this(folder, db, drafts, personal, personalKey, java.time.Clock.systemDefaultZone());
  }

  public ServerCore(Path folder, Optional<String> db, Drafts drafts, PersonalData personal, Optional<Path> personalKey,
      java.time.Clock clock) {
    this.folder = folder;
    this.clock = clock;
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.library = new ServedLibrary(folder, drafts, metrics);
    this.database = Database.open(folder, db);
    try {
      this.log = new DecisionLog(database, metrics);
      this.keys = new ApiKeys(database);
      this.roster = new Roster(database);
      this.redaction = new Redaction(personal, PersonalDataKey.read(folder, personalKey));
      this.desk = new RulingDesk(library, log, redaction, roster);
      this.links = new AckLinks(roster.secret("ack-links"));
      this.sessions = new Sessions(roster.secret("sessions"));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  @Override
  public void close() {
    log.close();
    database.close();
  }
}
