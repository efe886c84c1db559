package dev.precept.server;

import org.apiguardian.api.API;

import dev.precept.library.Drafts;
import dev.precept.model.PolicyException;
import dev.precept.server.internal.ApiRoutes;
import dev.precept.server.internal.ServerCore;
import dev.precept.server.internal.StaffPages;
import dev.precept.server.internal.board.BoardRoom;
import java.time.Clock;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running Precept server: rulings over HTTP under the edition in force, every one written to the
 * decision log before it is answered. Stop it with {@link #close()}.
 *
 * <pre>{@code
 * try (PreceptServer server = PreceptServer.builder().library(Path.of("policies")).port(0).start()) {
 *   System.out.println("listening on " + server.uri());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PreceptServer implements AutoCloseable {
  private final ServerCore core;
  private final Javalin http;
  private final ScheduledExecutorService watcher;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final String host;

  private PreceptServer(ServerCore core, Javalin http, ScheduledExecutorService watcher, String host) {
    this.core = core;
    this.http = http;
    this.watcher = watcher;
    this.host = host;
  }

  /** A builder; give at least the library folder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port it listens on (the one chosen when port 0 was asked for). */
  public int port() {
    return http.port();
  }

  /** The base address, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** Blocks until the server is stopped. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops taking requests, writes the decisions already queued, and closes the database. */
  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    watcher.shutdownNow();
    http.stop();
    core.close();
    stopped.countDown();
  }

  /** Settings for a server; {@link #start()} starts one. */
  public static final class Builder {
    private Path library;
    private String host = "127.0.0.1";
    private int port = 8080;
    private Optional<String> database = Optional.empty();
    private Drafts drafts = Drafts.REFUSED;
    private PersonalData personalData = PersonalData.REDACTED;
    private Optional<Path> personalDataKey = Optional.empty();
    private Duration reloadEvery = Duration.ofSeconds(2);
    private Optional<String> publicOrigin = Optional.empty();
    private Clock clock = Clock.systemDefaultZone();

    private Builder() {}

    /**
     * The trust's time zone ({@code Europe/London}), in which the server tells what day it is: when
     * an edition comes into force, the date a Board member's decision is recorded under, what
     * "today" means in reports and a date filter. By default the machine's zone; a server on a
     * machine kept in UTC should be given the trust's.
     */
    public Builder timeZone(java.time.ZoneId zone) {
      this.clock = clock.withZone(Objects.requireNonNull(zone));
      return this;
    }

    /** The clock the server reads the time from (by default the system's, in the machine's zone); for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The address Board members' browsers use for this server ({@code https://board.example.org}),
     * whose host is the passkeys' relying party; by default {@code http://localhost:PORT}, a secure
     * context for browsers on this machine. The Board's reading room is served only when it is
     * known (always, unless the port is 0 and no origin is given).
     */
    public Builder publicOrigin(String origin) {
      this.publicOrigin = Optional.of(Objects.requireNonNull(origin).replaceAll("/+$", ""));
      return this;
    }

    /** The library folder to serve (required). */
    public Builder library(Path folder) {
      this.library = Objects.requireNonNull(folder);
      return this;
    }

    /** The address to listen on (default 127.0.0.1; {@code 0.0.0.0} for every interface). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** The port (default 8080; 0 for any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A JDBC URL for the data ({@code jdbc:postgresql://...}); by default an SQLite file inside the library. */
    public Builder database(String jdbcUrl) {
      this.database = Optional.of(jdbcUrl);
      return this;
    }

    /** Whether drafts may be in force (every ruling then says so). */
    public Builder drafts(Drafts drafts) {
      this.drafts = Objects.requireNonNull(drafts);
      return this;
    }

    /** How the log keeps personal data (redacted by default). */
    public Builder personalData(PersonalData mode) {
      this.personalData = Objects.requireNonNull(mode);
      return this;
    }

    /** The file holding the personal-data key (by default {@code .precept/personal-data.key} in the library, made on first start). */
    public Builder personalDataKey(Path file) {
      this.personalDataKey = Optional.of(file);
      return this;
    }

    /** How often to look for changed files in the library (default every 2 seconds). */
    public Builder reloadEvery(Duration interval) {
      this.reloadEvery = Objects.requireNonNull(interval);
      return this;
    }

    /**
     * Opens the database (migrating it), reads the library and starts listening.
     *
     * @throws PolicyException when the folder is missing or the database cannot be opened
     */
    public PreceptServer start() {
      if (library == null || !Files.isDirectory(library)) {
        throw new PolicyException((library == null ? "no library folder given" : library + ": no such folder"));
      }
      Path folder = library.toAbsolutePath().normalize();
      ServerCore core = new ServerCore(folder, database, drafts, personalData, personalDataKey, clock);
      Javalin http;
      try {
        ApiRoutes api = new ApiRoutes(core);
        http = Javalin.create(config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.jetty.host = host;
          config.jetty.port = port;
          config.http.maxRequestSize = ApiRoutes.MAX_BODY;
          // A GET on a route that only takes POST is told so (405, naming the method), not "no resource".
          config.http.prefer405over404 = true;
          api.install(config);
          new StaffPages(core, api).install(config);
          Optional<String> origin = publicOrigin.or(() -> port == 0 ? Optional.empty() : Optional.of("http://localhost:" + port));
          origin.ifPresent(o -> new BoardRoom(folder, o, URI.create(o).getHost(), clock).install(config));
        }).start();
      } catch (RuntimeException e) {
        core.close();
        throw new PolicyException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
      }
      ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "precept-library-watcher");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(50, reloadEvery.toMillis());
      watcher.scheduleWithFixedDelay(core.library::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
      return new PreceptServer(core, http, watcher, host);
    }
  }
}
