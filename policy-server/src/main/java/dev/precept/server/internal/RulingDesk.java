package dev.precept.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.Incident;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /**
   * A ruling made: its decision id, the response body (JSON) to send once its record is committed,
   * and the commit.
   */
  public record Made(String decisionId, byte[] response, CompletableFuture<DecisionRecord> committed) {}

  /** Plain JSON reading for the fast path: strict (no duplicate keys, nothing after the value), bounded. */
  private static final ObjectReader PLAIN = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(REQUEST_LIMITS.maxDepth())
              .maxStringLength(REQUEST_LIMITS.maxScalarLength()).maxNameLength(1024).build())
          .build())
      .build().reader()
      .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** The deepest an incident the fast path takes may be (root, person, attributes, value); deeper takes the located path. */
  private static final int FAST_DEPTH = 4;
  /** The longest text the fast path takes; longer takes the located path, which applies the limit and says where. */
  private static final int FAST_TEXT = REQUEST_LIMITS.maxScalarLength() / 2;

  /**
   * Rules on the incident in {@code body} under the policy.
   *
   * <p>A body that is plain, valid JSON and passes every check is read on a fast path (Jackson's
   * streaming reader, then the edition's vocabulary and type checks on the tree); anything else
   * (YAML, a problem, an old word that earns a warning) is read again as a located document, which
   * accepts exactly what the fast path would have and lists every problem with its place.
   *
   * @throws ProblemException for an unknown policy (404), invalid input (400) or no edition in force (422)
   */
  public Made rule(String policyId, byte[] body, String keyId) {
    if (library.library().policy(policyId).isEmpty()) {
      throw new ProblemException(404, "unknown-policy", "No such policy", library.library().inForce(policyId, LocalDate.MIN).reason());
    }
    Optional<Made> fast = fast(policyId, body, keyId);
    return fast.isPresent() ? fast.get() : located(policyId, body, keyId);
  }

  /** The fast path: empty when the body is not plain JSON or anything in it is off (the located path then says what). */
  Optional<Made> fast(String policyId, byte[] body, String keyId) {
    Optional<ObjectNode> plainJson = plainJson(body);
    if (plainJson.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode incident = plainJson.get();
    Optional<String> personId = Optional.empty();
    if (incident.path("person") instanceof ObjectNode person && person.has("id")) {
      JsonNode id = person.get("id");
      if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 200) {
        return Optional.empty();
      }
      personId = Optional.of(id.asText());
    }
    JsonNode dateNode = incident.get("date");
    if (dateNode == null || !dateNode.isTextual()) {
      return Optional.empty();
    }
    Optional<LocalDate> parsedDate = date(dateNode.asText());
    if (parsedDate.isEmpty()) {
      return Optional.empty();
    }
    LocalDate date = parsedDate.get();
    ServedLibrary.Answer answer = library.inForce(policyId, date);
    InForce inForce = answer.inForce();
    if (inForce.edition().isEmpty()) {
      return Optional.empty(); // the located path says why no edition is in force
    }
    Edition edition = inForce.edition().get();
    String stored = redaction.stored(incident, edition.policy());
    Optional<Roster.Person> onRoster = personId.flatMap(roster::find);
    if (incident.get("person") instanceof ObjectNode person) {
      person.remove("id"); // the roster id is the server's; the incident checks do not know it
      if (onRoster.isPresent() && !person.has("roles")) {
        ArrayNode roles = person.putArray("roles");
        onRoster.get().roles().forEach(roles::add);
      }
    }
    Optional<Incident> parsed = library.loader(edition).readIfClean(incident);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(made(policyId, edition, answer, parsed.get(), personId, onRoster, stored, keyId));
  }

  /**
   * An incident's date as {@link LocalDate#parse} reads it (ISO {@code YYYY-MM-DD}, strictly), empty
   * when it does not; the usual form is read by hand, as the parser's generality cost more than the
   * rest of choosing the edition.
   */
  static Optional<LocalDate> date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        try {
          return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
          return Optional.empty(); // a day the month does not have, a thirteenth month: as the parser refuses them
        }
      }
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The ASCII digits from {@code start} to {@code end} as a number; -1 when any is not a digit. */
  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The body read as plain JSON (strict, bounded) when it is a JSON object within the fast path's
   * bounds; empty for anything else (not JSON, YAML, too deep, a long text), which the located
   * reader then reads or refuses with its place.
   */
  static Optional<ObjectNode> plainJson(byte[] body) {
    if (!yamlSafe(body)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = PLAIN.readTree(body);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return root instanceof ObjectNode incident && plain(incident, 1) ? Optional.of(incident) : Optional.empty();
  }

  /**
   * Whether JSON text means the same to the located reader, which reads YAML (JSON is YAML, nearly):
   * no tab (JSON allows tabs between tokens, YAML refuses them as indentation), no {@code \/} escape
   * (YAML 1.1 has none), no escaped surrogate, and no character YAML refuses or takes for a line
   * break (DEL, C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF). Anything else takes the located path.
   */
  static boolean yamlSafe(byte[] body) {
    int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = start; i < body.length; i++) {
      int b = body[i] & 0xff;
      if (b == '\t' || b == 0x7F || b < 0x20 && b != '\n' && b != '\r') {
        return false;
      }
      if (b == '\\' && i + 1 < body.length) {
        int next = body[i + 1] & 0xff;
        if (next == '/' || next == 'u' && i + 2 < body.length && (body[i + 2] | 0x20) == 'd') {
          return false; // an escaped slash, or an escaped surrogate (u then d; a little more, for simplicity)
        }
        i++; // the escaped character (an escaped backslash cannot start another escape)
        continue;
      }
      if (b == 0xC2 && i + 1 < body.length && (body[i + 1] & 0xff) <= 0x9F) {
        return false; // U+0080..U+009F, NEL among them
      }
      if (b == 0xE2 && i + 2 < body.length && (body[i + 1] & 0xff) == 0x80 && ((body[i + 2] & 0xff) == 0xA8 || (body[i + 2] & 0xff) == 0xA9)) {
        return false; // U+2028, U+2029
      }
      if (b == 0xEF && i + 2 < body.length && ((body[i + 1] & 0xff) == 0xBB && (body[i + 2] & 0xff) == 0xBF
          || (body[i + 1] & 0xff) == 0xBF && (body[i + 2] & 0xff) >= 0xBE)) {
        return false; // U+FEFF inside the text, U+FFFE, U+FFFF
      }
    }
    return true;
  }

  /** Whether a tree is within the fast path's bounds: shallow, short texts and names. */
  private static boolean plain(JsonNode node, int depth) {
    if (depth > FAST_DEPTH) {
      return false;
    }
    if (node.isTextual()) {
      return node.textValue().length() <= FAST_TEXT;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getKey().length() > 200 || !plain(field.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    for (JsonNode child : node) {
      if (!plain(child, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The located path: reads the body with every value's place, and lists every problem found. */
  Made located(String policyId, byte[] body, String keyId) {
    LocatedDocument document = read(body);
    ObjectNode incident = (ObjectNode) document.root();
    ObjectNode asSent = incident.deepCopy();
    int[] personIdAt = document.position("/person/id");
    Optional<String> personId = personId(document, incident);
    Optional<Roster.Person> onRoster = personId.flatMap(roster::find);
    Optional<Diagnostic> roleless = Optional.empty();
    if (incident.path("person") instanceof ObjectNode person && !person.has("roles")) {
      if (onRoster.isPresent()) {
        ArrayNode roles = person.putArray("roles");
        onRoster.get().roles().forEach(roles::add);
      } else if (personId.isPresent()) {
        roleless = Optional.of(Diagnostic.builder().code(Diagnostic.MISSING).subject(personId.get()).source(document.source())
            .line(personIdAt[0]).column(personIdAt[1]).pointer("/person/id")
            .message("'" + personId.get() + "' is not on the roster, so the person's roles must be given")
            .hint("give \"roles\" beside \"id\", or import the roster first (precept people import, POST /v1/people)").build());
      }
    }
    Optional<Diagnostic> undated = dateProblem(document);
    if (undated.isPresent()) {
      // still list every other problem, against the latest edition
      List<Edition> editions = library.library().policy(policyId).orElseThrow().editions();
      throw invalid(together(library.loader(editions.get(editions.size() - 1)).check(document, ""), roleless, undated));
    }
    LocalDate date = LocalDate.parse(document.root().get("date").asText());
    ServedLibrary.Answer answer = library.inForce(policyId, date);
    InForce inForce = answer.inForce();
    Edition edition = inForce.edition().orElseThrow(() -> new ProblemException(422, "no-edition-in-force",
        "No edition in force on the incident's date", inForce.reason()));
    Incident parsed;
    try {
      parsed = library.loader(edition).read(document, "");
    } catch (PolicyValidationException e) {
      throw invalid(together(e.diagnostics(), roleless, Optional.empty()));
    }
    return made(policyId, edition, answer, parsed, personId, onRoster, redaction.stored(asSent, edition.policy()), keyId);
  }

  private Made made(String policyId, Edition edition, ServedLibrary.Answer answer, Incident parsed, Optional<String> personId,
      Optional<Roster.Person> onRoster, String storedIncident, String keyId) {
    Ruling ruling = library.evaluator(edition).rule(parsed);
    String rulingJson = Rulings.toCompactJson(ruling);
    String decisionId = DecisionIds.next();
    String recordedAt = RecordedAt.now();
    byte[] acknowledgement = personId.isEmpty() ? null : Json.bytes(acknowledgement(personId.get(), onRoster, edition));
    byte[] response = response(decisionId, recordedAt, answer.policyAndEdition(), acknowledgement, Json.utf8(rulingJson));
    DecisionRecord record = new DecisionRecord(0, decisionId, recordedAt, policyId, edition.version(), edition.digest(),
        answer.inForce().draft(), outcome(ruling), "," + String.join(",", parsed.person().roles()) + ",",
        redaction.personRef(personId).orElse(null), keyId, storedIncident, rulingJson, "", "");
    return new Made(decisionId, response, log.append(record));
  }

  private static final byte[] DECISION_ID = "{\"decisionId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RECORDED_AT = "\",\"recordedAt\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACKNOWLEDGEMENT = ",\"acknowledgement\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RULING = ",\"ruling\":".getBytes(StandardCharsets.US_ASCII);

  /**
   * The response to a ruling, {@code {"decisionId", "recordedAt", "policy", "edition",
   * ["acknowledgement",] "ruling"}}, put together from parts already written as JSON: the same bytes a
   * JSON generator writes for those fields (the id and the time are plain ASCII, needing no escape).
   */
  static byte[] response(String decisionId, String recordedAt, byte[] policyAndEdition, byte[] acknowledgement, byte[] ruling) {
    int length = DECISION_ID.length + decisionId.length() + RECORDED_AT.length + recordedAt.length() + 1 + policyAndEdition.length
        + (acknowledgement == null ? 0 : ACKNOWLEDGEMENT.length + acknowledgement.length) + RULING.length + ruling.length + 1;
    byte[] out = new byte[length];
    int at = put(out, 0, DECISION_ID);
    at = putAscii(out, at, decisionId);
    at = put(out, at, RECORDED_AT);
    at = putAscii(out, at, recordedAt);
    out[at++] = '"';
    at = put(out, at, policyAndEdition);
    if (acknowledgement != null) {
      at = put(out, at, ACKNOWLEDGEMENT);
      at = put(out, at, acknowledgement);
    }
    at = put(out, at, RULING);
    at = put(out, at, ruling);
    out[at] = '}';
    return out;
  }

  private static int put(byte[] out, int at, byte[] part) {
    System.arraycopy(part, 0, out, at, part.length);
    return at + part.length;
  }

  private static int putAscii(byte[] out, int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      out[at++] = (byte) ascii.charAt(i);
    }
    return at;
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
  private Incident checked(Edition edition, LocatedDocument document) {
    try {
      return library.loader(edition).read(document, "");
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
    if (blank(body)) {
      throw invalid(List.of(problem(Diagnostic.MISSING, 1, 1, "the body is empty",
          "send the incident as a JSON object: {\"id\": ..., \"date\": ..., \"person\": {\"roles\": [...]}, \"clauses\": [...]}")));
    }
    LocatedDocument document;
    try {
      document = LocatedDocument.read(body, "request body", REQUEST_LIMITS);
    } catch (PolicyValidationException e) {
      throw invalid(jsonProblem(body).map(List::of).orElse(e.diagnostics()));
    } catch (PolicyException e) {
      throw invalid(List.of(jsonProblem(body).orElse(problem(Diagnostic.ENCODING, 0, 0, "the body is not readable JSON",
          "send the incident as JSON in UTF-8"))));
    }
    if (!(document.root() instanceof ObjectNode)) {
      throw invalid(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "", "the body is not a JSON object", "send the incident as a JSON object")));
    }
    return document;
  }

  /** Whether a body holds nothing but white space (or a byte order mark). */
  private static boolean blank(byte[] body) {
    int start = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = start; i < body.length; i++) {
      if (body[i] != ' ' && body[i] != '\t' && body[i] != '\n' && body[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The code of a body that is not JSON (the located reader's own code for it speaks of YAML). */
  static final String JSON_SYNTAX = "json-syntax";

  /** Reads a body as JSON, only to say where and why it is not; no tree is kept. */
  private static final JsonFactory SYNTAX = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(REQUEST_LIMITS.maxDepth())
          .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
      .build();

  /**
   * Why a body the located reader refused is not JSON, in the API's own words and at its line and
   * column; empty when the body is valid JSON (the located reader's problems then stand, such as a
   * duplicate key or a value over the length limit). The reader reads YAML too, so its own message
   * for broken JSON speaks of YAML and of the parser's internals; an integrator sending JSON needs
   * neither.
   */
  static Optional<Diagnostic> jsonProblem(byte[] body) {
    try (JsonParser parser = SYNTAX.createParser(body)) {
      parser.nextToken();
      parser.skipChildren();
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        return Optional.of(problem(JSON_SYNTAX, at.getLineNr(), at.getColumnNr(), "the body holds more than one JSON value",
            "send one incident per request (for many at once, precept evaluate reads JSON Lines)"));
      }
      return Optional.empty();
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      return Optional.of(problem(Diagnostic.TOO_LARGE, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "the body is nested more than " + REQUEST_LIMITS.maxDepth() + " levels deep",
          "an incident is shallow: facts, attributes and steps hold single values"));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      if (e instanceof JsonEOFException || at != null && blank(Arrays.copyOfRange(body, (int) Math.min(body.length,
          Math.max(0, at.getByteOffset())), body.length))) {
        return Optional.of(problem(JSON_SYNTAX, line, column, "the body is not valid JSON: it ends before the JSON is complete",
            "close every string, '{' and '['; or the body was cut short"));
      }
      return Optional.of(problem(JSON_SYNTAX, line, column, "the body is not valid JSON",
          "look just before line " + line + ", column " + column
              + ": a missing comma or quote, a comma before '}' or ']', single quotes, or text after the object"));
    } catch (IOException e) {
      return Optional.of(problem(Diagnostic.ENCODING, 0, 0, "the body is not readable JSON", "send the incident as JSON in UTF-8"));
    }
  }

  private static Diagnostic problem(String code, int line, int column, String message, String hint) {
    return Diagnostic.builder().code(code).source("request body").line(line).column(column).pointer("").message(message)
        .hint(hint).build();
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

  /**
   * The incident checks' problems with the desk's own, each said once: a roster id not on the
   * roster replaces "missing required key 'roles'", and where the schema already speaks of a date
   * the desk cannot read, its word (which says what is wrong with it) stands alone.
   */
  private static List<Diagnostic> together(List<Diagnostic> checks, Optional<Diagnostic> roleless, Optional<Diagnostic> undated) {
    List<Diagnostic> problems = new ArrayList<>();
    undated.filter(u -> u.pointer().isEmpty() || checks.stream().noneMatch(d -> d.pointer().equals(u.pointer()))).ifPresent(problems::add);
    roleless.ifPresent(problems::add);
    for (Diagnostic d : checks) {
      boolean missingRoles = roleless.isPresent() && d.pointer().equals("/person") && d.code().equals(Diagnostic.SCHEMA_PREFIX + "required")
          && d.subject().equals(Optional.of("roles"));
      if (!missingRoles) {
        problems.add(d);
      }
    }
    return problems;
  }

  static ProblemException invalid(List<Diagnostic> problems) {
    List<Diagnostic> sorted = new ArrayList<>(problems);
    sorted.sort(Diagnostic.IN_READING_ORDER);
    return new ProblemException(400, "invalid-incident", "The incident is not valid",
        sorted.size() + (sorted.size() == 1 ? " problem" : " problems") + " in the incident", sorted);
  }
}
