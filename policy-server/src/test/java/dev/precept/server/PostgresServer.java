package dev.precept.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL 15 server for a test: initdb and pg_ctl as the postgres user into a new
 * folder under /tmp, on a free port, its socket in that folder. Skipped (with the reason) when the
 * test does not run as root or Debian's binaries are missing, unless CI=true: then it fails.
 */
final class PostgresServer implements AutoCloseable {
  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path data;
  private final int port;

  private PostgresServer(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  static PostgresServer start() throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    String why = !Files.isExecutable(BIN.resolve("initdb")) ? "PostgreSQL 15 binaries not found in " + BIN
        : !"root".equals(System.getProperty("user.name")) ? "not running as root, so initdb cannot run as the postgres user" : null;
    if (why != null) {
      if (ci) {
        throw new AssertionError("CI=true but PostgreSQL tests cannot run: " + why + " (.ci/run must install postgresql)");
      }
      assumeTrue(false, "PostgreSQL tests skipped: " + why);
    }
    Path data = Files.createTempDirectory(Path.of("/tmp"), "precept-pg-");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    run("chown", "postgres:postgres", data.toString());
    su(BIN.resolve("initdb") + " -D " + data.resolve("data") + " -A trust -U postgres -E UTF8 --no-sync");
    su(BIN.resolve("pg_ctl") + " -D " + data.resolve("data") + " -l " + data.resolve("server.log") + " -w -t 60 -o '-p " + port
        + " -k " + data + " -c fsync=on -c listen_addresses=127.0.0.1' start");
    PostgresServer server = new PostgresServer(data, port);
    try (Connection c = DriverManager.getConnection(server.url("postgres"))) {
      c.createStatement().execute("CREATE DATABASE precept");
    }
    return server;
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  String url() {
    return url("precept");
  }

  void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url())) {
      c.createStatement().executeUpdate(statement);
    }
  }

  private static void su(String command) throws Exception {
    run("su", "postgres", "-s", "/bin/sh", "-c", command);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", List.of(command)) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      su(BIN.resolve("pg_ctl") + " -D " + data.resolve("data") + " -m immediate -w stop");
    } catch (Exception e) {
      throw new IOException("could not stop the test's PostgreSQL", e);
    } finally {
      try (Stream<Path> walk = Files.walk(data)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            // a leftover file in /tmp is harmless
          }
        });
      }
    }
  }
}
