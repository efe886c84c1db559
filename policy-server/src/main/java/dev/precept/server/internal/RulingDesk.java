package dev.precept.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.Outcome;
import dev.precept.eval.Ruling;
import dev.precept.eval.Rulings;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.Signature;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Rules on one incident sent over HTTP: reads it within hardened limits, finds the edition in force
 * on its date, checks it against that edition, rules, and queues the record for the log.
 */
public final class RulingDesk {
  /** Bounds on a request body: an incident is small. */
  public static final ReadLimits REQUEST_LIMITS = dev.precept.model.ReadLimits.builder()
      .maxBytes(64 * 1024).maxDepth(16).maxScalarLength(16 * 1024).build();

  private final ServedLibrary library;
  private final DecisionLog log;
  private final Redaction redaction;
  private final Roster roster;

  /** A desk ruling under this library, logging to this log. */
  public RulingDesk(ServedLibrary library, DecisionLog log, Redaction redaction, Roster roster) {
    this.library = library;
    this.log = log;
    this.redaction = redaction;
    this.roster = roster;
  }

  /** A ruling made, with the response to send once its record is committed. */
  public record Made(ObjectNode response, CompletableFuture<DecisionRecord> committed) {}

  /**
   * Rules on the incident in {@code body} under the policy.
   *
   * @throws ProblemException for an unknown policy (404), invalid input (400) or no edition in force (422)
   */
  public Made rule(String policyId, byte[] body, String keyId) {
    if (library.library().policy(policyId).isEmpty()) {
      throw new ProblemException(404, "unknown-policy", "No such policy", library.library().inForce(policyId, LocalDate.MIN).reason());
    }
    LocatedDocument document = read(body);
    ObjectNode incident = (ObjectNode) document.root();
    ObjectNode asSent = incident.deepCopy();
    Optional<String> personId = personId(document, incident);
    Optional<Roster.Person> onRoster = personId.flatMap(roster::find);
    if (onRoster.isPresent() && incident.path("person") instanceof ObjectNode person && !person.has("roles")) {
      ArrayNode roles = person.putArray("roles");
      onRoster.get().roles().forEach(roles::add);
    }
    Optional<Diagnostic> undated = dateProblem(document);
    if (undated.isPresent()) {
      // still list every other problem, against the latest edition
      List<Diagnostic> problems = new ArrayList<>(List.of(undated.get()));
      List<Edition> editions = library.library().policy(policyId).orElseThrow().editions();
      problems.addAll(IncidentLoader.forPolicy(editions.get(editions.size() - 1).policy()).check(document, ""));
      throw invalid(problems);
    }
    LocalDate date = LocalDate.parse(document.root().get("date").asText());
    InForce inForce = library.library().inForce(policyId, date, library.drafts());
    Edition edition = inForce.edition().orElseThrow(() -> new ProblemException(422, "no-edition-in-force",
        "No edition in force on the incident's date", inForce.reason()));
    Incident parsed = checked(edition, document);
    Ruling ruling = library.evaluator(edition).rule(parsed);
    JsonNode rulingJson = Json.read(Rulings.toJson(ruling));

    String decisionId = UUID.randomUUID().toString();
    String recordedAt = Instant.now().toString();
    ObjectNode response = Json.object();
    response.put("decisionId", decisionId);
    response.put("recordedAt", recordedAt);
    response.put("policy", policyId);
    response.set("edition", edition(edition, inForce));
    personId.ifPresent(id -> response.set("acknowledgement", acknowledgement(id, onRoster, edition)));
    response.set("ruling", rulingJson);
    DecisionRecord record = new DecisionRecord(0, decisionId, recordedAt, policyId, edition.version(), edition.digest(),
        inForce.draft(), outcome(ruling), "," + String.join(",", parsed.person().roles()) + ",",
        redaction.personRef(personId).orElse(null), keyId, Json.write(redaction.incident(asSent, edition.policy())),
        Json.write(rulingJson), "", "");
    return new Made(response, log.append(record));
  }

  /** A what-if ruling for the staff pages' explorer: not logged, not a decision. */
  public record Trial(Ruling ruling, InForce inForce) {}

  /**
   * Rules on an incident built by the explorer, without logging it.
   *
   * @throws ProblemException as {@link #rule} does
   */
  public Trial explore(String policyId, ObjectNode incident) {
    if (library.library().policy(policyId).isEmpty()) {
      throw new ProblemException(404, "unknown-policy", "No such policy", library.library().inForce(policyId, LocalDate.MIN).reason());
    }
    LocatedDocument document = read(Json.write(incident).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    dateProblem(document).ifPresent(p -> {
      throw invalid(List.of(p));
    });
    InForce inForce = library.library().inForce(policyId, LocalDate.parse(document.root().get("date").asText()), library.drafts());
    Edition edition = inForce.edition().orElseThrow(() -> new ProblemException(422, "no-edition-in-force",
        "No edition in force on that date", inForce.reason()));
    return new Trial(library.evaluator(edition).rule(checked(edition, document)), inForce);
  }

  /** The incident read against the edition (checked once: schema, then the policy's ids and types). */
  private static Incident checked(Edition edition, LocatedDocument document) {
    try {
      return IncidentLoader.forPolicy(edition.policy()).read(document, "");
    } catch (PolicyValidationException e) {
      throw invalid(e.diagnostics());
    }
  }

  /** The one word a decision is filed under: breached, excused, undetermined or not-applicable. */
  static String outcome(Ruling ruling) {
    for (Outcome o : List.of(Outcome.BREACHED, Outcome.EXCUSED, Outcome.UNDETERMINED)) {
      if (ruling.clauses().stream().anyMatch(c -> c.outcome() == o)) {
        return o.word();
      }
    }
    return Outcome.NOT_APPLICABLE.word();
  }

  /** The edition that ruled, why it was in force, and who approved it. */
  public static ObjectNode edition(Edition edition, InForce inForce) {
    ObjectNode node = Json.object();
    node.put("version", edition.version());
    node.put("digest", edition.digest());
    node.put("inForceFrom", edition.effective().toString());
    node.put("draft", inForce.draft());
    node.put("reason", inForce.reason());
    node.set("approval", approval(edition));
    return node;
  }

  /** Who approved an edition and when. */
  public static ObjectNode approval(Edition edition) {
    ObjectNode approval = Json.object();
    approval.put("approved", edition.approval().approved());
    edition.approval().approvedOn().ifPresent(d -> approval.put("approvedOn", d.toString()));
    ArrayNode signatures = approval.putArray("signatures");
    for (Signature s : edition.approval().signatures()) {
      signatures.addObject().put("office", s.office()).put("title", s.title()).put("name", s.name()).put("date", s.date().toString());
    }
    ArrayNode reasons = approval.putArray("reasons");
    edition.approval().reasons().forEach(reasons::add);
    return approval;
  }

  private ObjectNode acknowledgement(String personId, Optional<Roster.Person> person, Edition edition) {
    ObjectNode node = Json.object();
    node.put("person", personId);
    node.put("onRoster", person.isPresent());
    if (person.isEmpty()) {
      node.put("acknowledged", false);
      node.put("summary", "'" + personId + "' is not on the roster, so whether they read the policy is not known");
      return node;
    }
    List<Roster.Acknowledgement> acks = roster.acknowledgements(edition.policyId(), personId);
    Optional<Roster.Acknowledgement> current = acks.stream().filter(a -> a.digest().equals(edition.digest())).findFirst();
    node.put("acknowledged", current.isPresent());
    node.put("edition", edition.version());
    current.ifPresent(a -> node.put("at", a.at()));
    ArrayNode earlier = node.putArray("earlierEditions");
    acks.stream().filter(a -> !a.digest().equals(edition.digest()))
        .forEach(a -> earlier.addObject().put("version", a.version()).put("digest", a.digest()).put("at", a.at()));
    node.put("summary", current.map(a -> person.get().name() + " acknowledged edition " + edition.version() + " on " + a.at())
        .orElse(person.get().name() + " has not acknowledged edition " + edition.version()
            + (acks.isEmpty() ? "" : " (only " + String.join(", ", acks.stream().map(Roster.Acknowledgement::version).distinct().toList())
                + ", now outdated)")));
    return node;
  }

  private static LocatedDocument read(byte[] body) {
    LocatedDocument document;
    try {
      document = LocatedDocument.read(body, "request body", REQUEST_LIMITS);
    } catch (PolicyValidationException e) {
      throw invalid(e.diagnostics());
    } catch (PolicyException e) {
      throw new ProblemException(400, "invalid-incident", "The incident is not valid", "the body is not readable JSON: " + e.getMessage());
    }
    if (!(document.root() instanceof ObjectNode)) {
      throw invalid(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "", "the body is not a JSON object", "send the incident as a JSON object")));
    }
    return document;
  }

  private static Optional<String> personId(LocatedDocument document, ObjectNode incident) {
    if (incident.path("person") instanceof ObjectNode person && person.has("id")) {
      JsonNode id = person.get("id");
      if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 200) {
        throw invalid(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "/person/id", "the person's id must be their roster id, a non-empty string",
            "give the id the roster holds, e.g. \"E1042\"")));
      }
      person.remove("id"); // the roster id is the server's; the incident checks do not know it
      return Optional.of(id.asText());
    }
    return Optional.empty();
  }

  private static Optional<Diagnostic> dateProblem(LocatedDocument document) {
    String hint = "give the incident's date, e.g. \"date\": \"2017-03-01\": it chooses the edition in force";
    JsonNode date = document.root().get("date");
    if (date == null || !date.isTextual()) {
      return Optional.of(document.diagnostic(Diagnostic.INCONSISTENT, date == null ? "" : "/date", "the incident has no date, so no edition can be chosen", hint));
    }
    try {
      LocalDate.parse(date.asText());
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(document.diagnostic(Diagnostic.INCONSISTENT, "/date", "'" + date.asText() + "' is not a date YYYY-MM-DD", hint));
    }
  }

  static ProblemException invalid(List<Diagnostic> problems) {
    List<Diagnostic> sorted = new ArrayList<>(problems);
    sorted.sort(Diagnostic.IN_READING_ORDER);
    return new ProblemException(400, "invalid-incident", "The incident is not valid",
        sorted.size() + (sorted.size() == 1 ? " problem" : " problems") + " in the incident", sorted);
  }
}
