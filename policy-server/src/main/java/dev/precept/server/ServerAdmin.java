package dev.precept.server;

import org.apiguardian.api.API;

import dev.precept.library.Drafts;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.PolicyLibrary;
import dev.precept.model.PolicyException;
import dev.precept.server.internal.AckLinks;
import dev.precept.server.internal.ApiKeys;
import dev.precept.server.internal.Database;
import dev.precept.server.internal.DecisionLog;
import dev.precept.server.internal.Roster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the command line does with a library's data without starting a server: API keys, checking
 * the decision log, importing the roster, writing acknowledgement links. Close it when done.
 *
 * <pre>{@code
 * try (ServerAdmin admin = ServerAdmin.open(Path.of("policies"), Optional.empty())) {
 *   NewApiKey key = admin.createKey("incident system", Set.of(Scope.RULE));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class ServerAdmin implements AutoCloseable {
  private final Path library;
  private final Database database;
  private final ApiKeys keys;
  private final Roster roster;

  private ServerAdmin(Path library, Database database) {
    this.library = library;
    this.database = database;
    this.keys = new ApiKeys(database);
    this.roster = new Roster(database);
  }

  /**
   * Opens (and migrates) the data of a library: its SQLite file, or the database at {@code jdbcUrl}.
   *
   * @throws PolicyException when the folder is missing or the database cannot be opened
   */
  public static ServerAdmin open(Path library, Optional<String> jdbcUrl) {
    if (!Files.isDirectory(library)) {
      throw new PolicyException(library + ": no such folder");
    }
    Path folder = library.toAbsolutePath().normalize();
    return new ServerAdmin(folder, Database.open(folder, jdbcUrl));
  }

  /** Creates an API key; its secret is in the answer and nowhere else. */
  public NewApiKey createKey(String name, Set<Scope> scopes) {
    return keys.create(name, scopes);
  }

  /** Every API key, oldest first, without secrets. */
  public List<ApiKeyInfo> keys() {
    return keys.list();
  }

  /** Revokes a key; false when no such key is active. */
  public boolean revokeKey(String id) {
    return keys.revoke(id);
  }

  /** Checks the decision log's hash chain. */
  public LogVerification verifyLog() {
    return DecisionLog.verify(database);
  }

  /** Imports a roster CSV ({@code id,name,email,roles,academy}); nothing is imported when a row is refused. */
  public RosterImport importPeople(String csv, String source) {
    Optional<java.util.Set<String>> declared;
    try {
      declared = Optional.of(Roster.declaredRoles(PolicyLibrary.open(library)));
    } catch (PolicyException e) {
      declared = Optional.empty(); // a library that cannot be read is the server's to report; the roster is still the file
    }
    return roster.importCsv(csv, source, declared);
  }

  /**
   * One signed link per person on the roster in scope of the edition of {@code policyId} in force
   * today, for them to acknowledge it; each works once and until {@code valid} has passed.
   *
   * @param baseUrl the server's address as staff reach it, e.g. {@code https://policies.example.org}
   * @throws PolicyException when the policy is unknown or no edition is in force
   */
  public List<AckLink> ackLinks(String policyId, String baseUrl, Duration valid, Drafts drafts) {
    PolicyLibrary lib = PolicyLibrary.open(library);
    LibraryPolicy policy = lib.policy(policyId).orElseThrow(() -> new PolicyException(lib.inForce(policyId, LocalDate.MIN).reason()));
    InForce inForce = lib.inForce(policy.id(), LocalDate.now(), drafts);
    Edition edition = inForce.edition().orElseThrow(() -> new PolicyException("no edition of " + policyId + " is in force: " + inForce.reason()));
    AckLinks links = new AckLinks(roster.secret("ack-links"));
    Instant expires = Instant.now().plus(valid).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String base = baseUrl.replaceAll("/+$", "");
    List<AckLink> out = new ArrayList<>();
    var roles = edition.policy().roles().stream().map(r -> r.id()).toList();
    for (Roster.Person p : roster.everyone()) {
      if (p.roles().stream().noneMatch(roles::contains)) {
        continue;
      }
      String token = links.token(p.id(), policy.id(), edition.digest(), expires);
      out.add(AckLink.builder().person(p.id()).name(p.name()).email(p.email()).roles(p.roles()).policy(policy.id())
          .version(edition.version()).digest(edition.digest()).expires(expires).url(base + "/ack/" + token).build());
    }
    return out;
  }

  /**
   * Re-rules every logged incident of the draft's policy under the draft, listing the rulings that
   * would change. Values redacted in the log (free-text facts) are replayed as their hashes.
   */
  public ReplayReport replay(dev.precept.model.Policy draft) {
    return replay(draft, java.time.Instant.MIN);
  }

  /** As {@link #replay(dev.precept.model.Policy)}, for the rulings recorded at or after {@code since}. */
  public ReplayReport replay(dev.precept.model.Policy draft, java.time.Instant since) {
    try (DecisionLog log = new DecisionLog(database, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())) {
      return dev.precept.server.internal.Replay.of(log, draft, since);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
