package dev.precept.server.internal;

import dev.precept.library.PolicyLibrary;
import dev.precept.model.DidYouMean;
import dev.precept.server.RosterImport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The people the trust has told the server about, and what they have acknowledged. */
public final class Roster {
  private final Database database;

  /** A person on the roster. */
  public record Person(String id, String name, String email, List<String> roles, String academy) {}

  /** An acknowledgement of one edition by one person. */
  public record Acknowledgement(String id, String personId, String policyId, String version, String digest, String at, String via) {}

  /** The roster in this database. */
  public Roster(Database database) {
    this.database = database;
  }

  /**
   * Imports a CSV with the header {@code id,name,email,roles,academy} (roles separated by
   * {@code ;}) as the whole roster: people already there are updated, people not in the file are
   * marked as having left (kept, with their acknowledgements, but no longer in scope; a later
   * import brings them back). Nothing is imported when any row is refused.
   */
  public RosterImport importCsv(String csv, String source) {
    return importCsv(csv, source, Optional.empty());
  }

  /**
   * As {@link #importCsv(String, String)}, noting each role no policy declares when the declared
   * roles are known (a library that cannot be read gives none to check against).
   */
  public RosterImport importCsv(String csv, String source, Optional<Set<String>> declaredRoles) {
    List<List<String>> rows = Csv.parse(csv);
    List<String> problems = new ArrayList<>();
    if (rows.isEmpty()) {
      return RosterImport.builder().added(0).updated(0).removed(0).unchanged(0).addProblems(source + ": the file is empty").build();
    }
    List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    Map<String, Integer> at = new LinkedHashMap<>();
    for (String column : List.of("id", "name", "email", "roles", "academy")) {
      int i = header.indexOf(column);
      if (i < 0) {
        problems.add(source + ":1: the header has no '" + column + "' column (expected id,name,email,roles,academy)");
      }
      at.put(column, i);
    }
    if (!problems.isEmpty()) {
      return RosterImport.builder().added(0).updated(0).removed(0).unchanged(0).problems(problems).build();
    }
    Map<String, Person> people = new LinkedHashMap<>();
    List<String> notices = new ArrayList<>();
    for (int line = 1; line < rows.size(); line++) {
      List<String> row = rows.get(line);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      String where = source + ":" + (line + 1) + ": ";
      if (row.size() != header.size()) {
        problems.add(where + "expected " + header.size() + " fields, found " + row.size());
        continue;
      }
      String id = row.get(at.get("id")).strip();
      String name = row.get(at.get("name")).strip();
      String email = row.get(at.get("email")).strip();
      List<String> roles = Arrays.stream(row.get(at.get("roles")).split("[;|]")).map(String::strip).filter(r -> !r.isEmpty()).toList();
      if (id.isEmpty() || id.length() > 200) {
        problems.add(where + "every person needs an id (at most 200 characters)");
      } else if (people.containsKey(id)) {
        problems.add(where + "'" + id + "' is already on an earlier line");
      } else if (name.isEmpty()) {
        problems.add(where + "'" + id + "' has no name");
      } else if (roles.isEmpty()) {
        problems.add(where + "'" + id + "' has no roles: list them separated by ';' (staff;governor)");
      } else if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
        problems.add(where + "'" + email + "' is not an email address");
      } else {
        people.put(id, new Person(id, name, email, roles, row.get(at.get("academy")).strip()));
        declaredRoles.ifPresent(declared -> roles.stream().filter(r -> !declared.contains(r)).forEach(r -> notices.add(where + "role '" + r
            + "' of '" + id + "' is declared by no policy in the library, so it brings them under none"
            + (DidYouMean.closest(r, declared).isEmpty() ? "" : " (" + DidYouMean.hint(r, declared, "") + ")"))));
      }
    }
    if (!problems.isEmpty()) {
      return RosterImport.builder().added(0).updated(0).removed(0).unchanged(0).problems(problems).build();
    }
    int[] counts = new int[4];
    String now = Instant.now().toString();
    database.jdbi().useTransaction(h -> {
      for (Person p : people.values()) {
        Optional<Person> before = find(h, p.id(), true);
        boolean left = before.isPresent() && h.createQuery("SELECT left_at FROM people WHERE id = :id").bind("id", p.id())
            .mapTo(String.class).findFirst().isPresent();
        if (before.isPresent() && !left && before.get().equals(p)) {
          counts[3]++;
          continue;
        }
        h.createUpdate(before.isPresent()
                ? "UPDATE people SET name = :name, email = :email, roles = :roles, academy = :academy, updated_at = :at, left_at = NULL "
                    + "WHERE id = :id"
                : "INSERT INTO people (id, name, email, roles, academy, updated_at) VALUES (:id, :name, :email, :roles, :academy, :at)")
            .bind("id", p.id()).bind("name", p.name()).bind("email", p.email()).bind("roles", String.join(";", p.roles()))
            .bind("academy", p.academy()).bind("at", now).execute();
        counts[before.isPresent() && !left ? 1 : 0]++; // someone who had left and is back counts as added
      }
      List<String> gone = h.createQuery("SELECT id FROM people WHERE left_at IS NULL ORDER BY id").mapTo(String.class).list().stream()
          .filter(id -> !people.containsKey(id)).toList();
      for (String id : gone) {
        h.createUpdate("UPDATE people SET left_at = :at, updated_at = :at WHERE id = :id").bind("at", now).bind("id", id).execute();
      }
      counts[2] = gone.size();
    });
    return RosterImport.builder().added(counts[0]).updated(counts[1]).removed(counts[2]).unchanged(counts[3]).notices(notices).build();
  }

  /** Every role any edition of any policy in the library declares. */
  public static Set<String> declaredRoles(PolicyLibrary library) {
    Set<String> roles = new TreeSet<>();
    library.policies().forEach(p -> p.editions().forEach(e -> e.policy().roles().forEach(r -> roles.add(r.id()))));
    return roles;
  }

  /** The person with this id, when they are on the roster (not marked as having left). */
  public Optional<Person> find(String id) {
    return database.jdbi().withHandle(h -> find(h, id, false));
  }

  private static Optional<Person> find(org.jdbi.v3.core.Handle h, String id, boolean evenIfLeft) {
    return h.createQuery("SELECT id, name, email, roles, academy FROM people WHERE id = :id" + (evenIfLeft ? "" : " AND left_at IS NULL"))
        .bind("id", id).map((rs, ctx) -> person(rs)).findFirst();
  }

  private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Person(rs.getString(1), rs.getString(2), rs.getString(3),
        Arrays.stream(rs.getString(4).split(";")).filter(r -> !r.isEmpty()).toList(), rs.getString(5));
  }

  /** Everyone on the roster (not those marked as having left), by id. */
  public List<Person> everyone() {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT id, name, email, roles, academy FROM people WHERE left_at IS NULL ORDER BY id")
        .map((rs, ctx) -> person(rs)).list());
  }

  /** Records an acknowledgement. */
  public Acknowledgement acknowledge(String personId, String policyId, String version, String digest, String via) {
    Acknowledgement ack = new Acknowledgement(java.util.UUID.randomUUID().toString(), personId, policyId, version, digest,
        Instant.now().toString(), via);
    database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO acknowledgements (id, person_id, policy_id, edition_version, "
            + "edition_digest, acknowledged_at, via) VALUES (:id, :person, :policy, :version, :digest, :at, :via)")
        .bind("id", ack.id()).bind("person", personId).bind("policy", policyId).bind("version", version).bind("digest", digest)
        .bind("at", ack.at()).bind("via", via).execute());
    return ack;
  }

  /** Every acknowledgement of a policy, by person id, oldest first. */
  public Map<String, List<Acknowledgement>> acknowledgements(String policyId) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT id, person_id, policy_id, edition_version, edition_digest, "
            + "acknowledged_at, via FROM acknowledgements WHERE policy_id = :p ORDER BY acknowledged_at, id").bind("p", policyId)
        .map((rs, ctx) -> new Acknowledgement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)))
        .list()).stream().collect(Collectors.groupingBy(Acknowledgement::personId, LinkedHashMap::new, Collectors.toList()));
  }

  /** A person's acknowledgements of a policy, oldest first. */
  public List<Acknowledgement> acknowledgements(String policyId, String personId) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT id, person_id, policy_id, edition_version, edition_digest, "
            + "acknowledged_at, via FROM acknowledgements WHERE policy_id = :p AND person_id = :who ORDER BY acknowledged_at, id")
        .bind("p", policyId).bind("who", personId)
        .map((rs, ctx) -> new Acknowledgement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7)))
        .list());
  }

  /** Marks a link token used; false when it was used before. */
  public boolean useLink(String tokenHash) {
    try {
      database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO used_links (token_hash, used_at) VALUES (:t, :at)")
          .bind("t", tokenHash).bind("at", Instant.now().toString()).execute());
      return true;
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      return false; // the primary key refused it: used already
    }
  }

  /** Whether a link token has been used. */
  public boolean linkUsed(String tokenHash) {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM used_links WHERE token_hash = :t").bind("t", tokenHash)
        .mapTo(Integer.class).one()) > 0;
  }

  /** A server secret, made on first use and kept in the database (so every instance shares it). */
  public byte[] secret(String name) {
    return database.jdbi().inTransaction(h -> {
      Optional<String> existing = h.createQuery("SELECT secret FROM secrets WHERE name = :n").bind("n", name).mapTo(String.class).findFirst();
      if (existing.isPresent()) {
        return java.util.HexFormat.of().parseHex(existing.get());
      }
      String fresh = Secrets.randomHex(32);
      h.createUpdate("INSERT INTO secrets (name, secret) VALUES (:n, :s)").bind("n", name).bind("s", fresh).execute();
      return java.util.HexFormat.of().parseHex(fresh);
    });
  }
}
