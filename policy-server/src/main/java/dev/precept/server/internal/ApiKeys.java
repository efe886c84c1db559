package dev.precept.server.internal;

import dev.precept.model.PolicyException;
import dev.precept.server.ApiKeyInfo;
import dev.precept.server.NewApiKey;
import dev.precept.server.Scope;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * API keys: {@code pk.<id>.<secret>}, stored as the SHA-256 of the whole key (the secret is 256
 * random bits, so a plain hash is enough). Lookups are cached for a few seconds, so a revocation
 * reaches every server sharing the database within that time.
 */
public final class ApiKeys {
  private static final Pattern FORM = Pattern.compile("pk\\.([0-9a-f]{12})\\.([0-9a-f]{64})");
  private static final long CACHE_MILLIS = 5_000;

  private final Database database;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** A caller the server recognised. */
  public record Caller(String keyId, String name, Set<Scope> scopes) {
    /** Whether the caller may do what needs {@code scope}. */
    public boolean may(Scope scope) {
      return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
  }

  private record Row(Caller caller, String hash) {}

  private record Cached(Optional<Caller> caller, long at) {}

  /** Keys kept in this database. */
  public ApiKeys(Database database) {
    this.database = database;
  }

  /** Creates a key with these scopes; the returned secret is not kept anywhere. */
  public NewApiKey create(String name, Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      throw new PolicyException("a key needs at least one scope: rule, acknowledge, read or admin");
    }
    String id = Secrets.randomHex(6);
    String key = "pk." + id + "." + Secrets.randomHex(32);
    database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (id, name, scopes, secret_hash, created_at) "
        + "VALUES (:id, :name, :scopes, :hash, :at)").bind("id", id).bind("name", name).bind("scopes", words(scopes))
        .bind("hash", Secrets.sha256(key)).bind("at", Instant.now().toString()).execute());
    return NewApiKey.builder().id(id).key(key).scopes(scopes).build();
  }

  /** Every key, oldest first. */
  public List<ApiKeyInfo> list() {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at, id")
        .map((rs, ctx) -> ApiKeyInfo.builder().id(rs.getString(1)).name(rs.getString(2)).scopes(scopes(rs.getString(3)))
            .created(Instant.parse(rs.getString(4))).revoked(Optional.ofNullable(rs.getString(5)).map(Instant::parse)).build())
        .list());
  }

  /** Revokes a key; false when there is no such key or it was already revoked. */
  public boolean revoke(String id) {
    int changed = database.jdbi().withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
        .bind("at", Instant.now().toString()).bind("id", id).execute());
    cache.clear();
    return changed == 1;
  }

  /** The caller holding this key, when it is a valid key that has not been revoked. */
  public Optional<Caller> authenticate(String key) {
    long now = System.currentTimeMillis();
    Cached cached = cache.get(key); // only keys of the right form are kept, so a key found has the form
    if (cached != null && now - cached.at() < CACHE_MILLIS) {
      return cached.caller();
    }
    Matcher m = FORM.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(key);
    Optional<Caller> caller = database.jdbi().withHandle(h -> h.createQuery(
            "SELECT id, name, scopes, secret_hash FROM api_keys WHERE id = :id AND revoked_at IS NULL").bind("id", m.group(1))
        .map((rs, ctx) -> new Row(new Caller(rs.getString(1), rs.getString(2), scopes(rs.getString(3))), rs.getString(4)))
        .findFirst())
        .filter(row -> Secrets.same(row.hash(), hash)).map(Row::caller);
    if (cache.size() > 10_000) {
      cache.clear(); // bounded: guessing keys cannot grow the cache without end
    }
    cache.put(key, new Cached(caller, now));
    return caller;
  }

  /** The caller holding the key with this id, when it has not been revoked (for signed-in sessions). */
  public Optional<Caller> byId(String id) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT id, name, scopes FROM api_keys WHERE id = :id AND revoked_at IS NULL")
        .bind("id", id).map((rs, ctx) -> new Caller(rs.getString(1), rs.getString(2), scopes(rs.getString(3)))).findFirst());
  }

  private static String words(Set<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::word).collect(Collectors.joining(","));
  }

  private static Set<Scope> scopes(String words) {
    Set<Scope> set = EnumSet.noneOf(Scope.class);
    Arrays.stream(words.split(",")).map(Scope::of).flatMap(Optional::stream).forEach(set::add);
    return set;
  }
}
