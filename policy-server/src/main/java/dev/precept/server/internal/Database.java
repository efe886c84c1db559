package dev.precept.server.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.precept.model.PolicyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's database: an SQLite file inside the library folder by default, or PostgreSQL;
 * migrated by Flyway on open.
 */
public final class Database implements AutoCloseable {
  /** Where the data of a library lives by default: a hidden folder the library reader passes over. */
  public static final String DATA_FOLDER = ".precept";

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final boolean postgres;
  private final String description;

  private Database(HikariDataSource pool, boolean postgres, String description) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.postgres = postgres;
    this.description = description;
  }

  /**
   * Opens and migrates the database.
   *
   * @param url a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:sqlite:...}); empty for the
   *     default SQLite file inside the library
   * @throws PolicyException when it cannot be opened or migrated
   */
  public static Database open(Path library, Optional<String> url) {
    String jdbc;
    if (url.isPresent()) {
      jdbc = url.get();
      if (!jdbc.startsWith("jdbc:postgresql:") && !jdbc.startsWith("jdbc:sqlite:")) {
        throw new PolicyException("--db '" + redact(jdbc) + "' is not a database Precept supports: give jdbc:postgresql://HOST:PORT/NAME "
            + "or jdbc:sqlite:FILE");
      }
    } else {
      Path folder = library.resolve(DATA_FOLDER);
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      jdbc = "jdbc:sqlite:" + folder.resolve("precept.db").toAbsolutePath();
    }
    boolean postgres = jdbc.startsWith("jdbc:postgresql:");
    HikariConfig config = new HikariConfig();
    config.setPoolName("precept");
    if (postgres) {
      config.setJdbcUrl(jdbc);
      config.setMaximumPoolSize(8);
    } else {
      // WAL lets readers run beside the one writer; FULL makes a commit durable before it returns.
      config.setJdbcUrl(jdbc + (jdbc.contains("?") ? "&" : "?")
          + "journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true");
      config.setMaximumPoolSize(4);
    }
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(3_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new PolicyException("cannot open the database " + redact(jdbc) + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure(Database.class.getClassLoader()).dataSource(pool)
          .locations("classpath:dev/precept/server/db/migration")
          .load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new PolicyException("cannot migrate the database " + redact(jdbc) + ": " + rootMessage(e), e);
    }
    return new Database(pool, postgres, redact(jdbc));
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Jdbi over the pool. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** A connection from the pool; the caller closes it. */
  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Whether it is PostgreSQL (else SQLite). */
  public boolean postgres() {
    return postgres;
  }

  /** The URL, with any password hidden. */
  public String description() {
    return description;
  }

  /** Whether a query answers now. */
  public boolean ready() {
    try (Connection c = pool.getConnection(); var s = c.createStatement()) {
      s.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
