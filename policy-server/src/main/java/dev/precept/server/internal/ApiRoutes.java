package dev.precept.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.LoadProblem;
import dev.precept.library.PolicyLibrary;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.server.Scope;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON API under {@code /v1}, health, readiness, metrics and the OpenAPI description. */
public final class ApiRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
  /** The largest request body accepted. */
  public static final int MAX_BODY = 64 * 1024;

  /** The most of a refused body read and thrown away, so its sender still sees the answer. */
  static final long DRAIN_LIMIT = 1024 * 1024;
  static final String PROBLEM_JSON = "application/problem+json";

  private final ServerCore core;
  private final Timer rulingTimer;
  private final String openApi;

  /** Routes over this server's parts. */
  public ApiRoutes(ServerCore core) {
    this.core = core;
    this.rulingTimer = Timer.builder("precept.rulings").description("Rulings served, from request to committed log record")
        .publishPercentileHistogram().register(core.metrics);
    try (InputStream in = ApiRoutes.class.getResourceAsStream("/dev/precept/server/openapi.json")) {
      this.openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the OpenAPI description is missing from the jar", e);
    }
  }

  /** Adds the routes and the error handling to a Javalin configuration. */
  public void install(JavalinConfig config) {
    var routes = config.routes;
    routes.get("/healthz", ctx -> ctx.json(Json.object().put("status", "ok")));
    routes.get("/readyz", this::ready);
    routes.get("/openapi.json", ctx -> {
      caller(ctx, Optional.empty());
      ctx.contentType("application/json").result(openApi);
    });
    routes.get("/metrics", ctx -> {
      caller(ctx, Optional.of(Scope.READ));
      ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(core.metrics.scrape());
    });
    routes.post("/v1/policies/{id}/rulings", this::rule);
    routes.get("/v1/policies", this::policies);
    routes.get("/v1/policies/{id}", this::policy);
    routes.get("/v1/policies/{id}/document", this::document);
    routes.get("/v1/decisions", this::decisions);
    routes.get("/v1/decisions/{id}", this::decision);
    routes.get("/v1/status", this::status);
    routes.post("/v1/acknowledgements", this::acknowledge);
    routes.get("/v1/acknowledgements/report", this::report);
    routes.post("/v1/people", this::importPeople);
    routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, new ProblemException(500, "internal-error", "Internal error",
          "the server could not answer this request; the error is in its log"));
    });
    routes.error(404, ctx -> {
      if (ctx.attribute("problem") == null) {
        problem(ctx, new ProblemException(404, "not-found", "Not found", "no resource at " + ctx.path()));
      }
    });
    routes.error(405, ctx -> problem(ctx, new ProblemException(405, "method-not-allowed", "Method not allowed",
        ctx.method() + " is not allowed on " + ctx.path())));
  }

  static void problem(Context ctx, ProblemException e) {
    ctx.attribute("problem", Boolean.TRUE);
    ctx.status(e.status()).contentType(PROBLEM_JSON).result(Json.write(e.body(ctx.path())));
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"precept\"");
    }
  }

  /** The caller of a request, refused (401/403) unless they hold a key with the scope. */
  ApiKeys.Caller caller(Context ctx, Optional<Scope> scope) {
    String header = ctx.header("Authorization");
    Optional<ApiKeys.Caller> caller = Optional.empty();
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      caller = core.keys.authenticate(header.substring(7).strip());
    } else if (ctx.method() == io.javalin.http.HandlerType.GET) {
      caller = StaffPages.sessionCaller(ctx, core); // a signed-in clerk may read; writes through the API need a key
    }
    if (caller.isEmpty()) {
      throw new ProblemException(401, "unauthenticated", "API key needed", header == null
          ? "send an API key: Authorization: Bearer <key> (precept apikey create)" : "the API key is not valid, or it was revoked");
    }
    if (scope.isPresent() && !caller.get().may(scope.get())) {
      throw new ProblemException(403, "forbidden", "Scope needed", "this key ('" + caller.get().name() + "') lacks the '"
          + scope.get().word() + "' scope");
    }
    return caller.get();
  }

  private void ready(Context ctx) {
    boolean db = core.database.ready();
    ObjectNode body = Json.object().put("database", db ? "ok" : "unreachable").put("policies", core.library.library().policies().size());
    ctx.status(db ? 200 : 503).json(body.put("status", db ? "ready" : "not ready"));
  }

  static byte[] body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > MAX_BODY) {
        drain(in, declared);
        throw tooLarge();
      }
      if (declared >= 0) {
        // the length is known (and the server reads no more than it): read exactly that, in one array
        return in.readNBytes((int) declared);
      }
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        drain(in, Long.MAX_VALUE);
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and discards a refused body up to {@link #DRAIN_LIMIT}, so that a client still sending it
   * reads the 413 instead of a reset connection; a larger body is not read, and its connection closes.
   */
  private static void drain(InputStream in, long declared) throws IOException {
    if (declared > DRAIN_LIMIT) {
      return;
    }
    byte[] sink = new byte[8192];
    long left = DRAIN_LIMIT;
    int read;
    while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
      left -= read;
    }
  }

  /**
   * Refuses, with 415, a body labelled as something other than JSON: accepted are no Content-Type,
   * {@code application/json} and {@code application/*+json} (in UTF-8, the only charset JSON has),
   * and {@code application/x-www-form-urlencoded}, which {@code curl -d} sends, whose body is then
   * read as JSON like any other. Anything else (text/html, multipart/form-data, text/plain...) is
   * not an incident, and is not read.
   */
  static void refuseUnlessJson(Context ctx) {
    String header = ctx.header("Content-Type");
    if (header == null || header.isBlank()) {
      return;
    }
    String[] parts = header.split(";");
    String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
    boolean json = type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    boolean form = type.equals("application/x-www-form-urlencoded");
    String charset = "";
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
        charset = parameter[1].strip().replace("\"", "");
      }
    }
    boolean utf8 = charset.isEmpty() || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    if ((json || form) && utf8) {
      return;
    }
    try (InputStream in = ctx.req().getInputStream()) {
      drain(in, ctx.req().getContentLengthLong());
    } catch (IOException e) {
      // the refusal stands whether or not the rest of the body could be read
    }
    String detail = json || form
        ? "the body is labelled '" + header.strip() + "': JSON is read only in UTF-8"
        : "the body is labelled '" + header.strip() + "', not JSON: an incident is sent as JSON";
    throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail, List.of(Diagnostic.builder()
        .code("unsupported-media-type").source("request body").line(0).column(0).pointer("").message(detail)
        .hint("send the incident as JSON in UTF-8 with 'Content-Type: application/json'").build()));
  }

  private static ProblemException tooLarge() {
    return new ProblemException(413, "body-too-large", "Request body too large",
        "a request body may be at most " + MAX_BODY / 1024 + " KiB; an incident is small");
  }

  private void rule(Context ctx) {
    long start = System.nanoTime();
    ApiKeys.Caller caller = caller(ctx, Optional.of(Scope.RULE));
    refuseUnlessJson(ctx);
    RulingDesk.Made made = core.desk.rule(ctx.pathParam("id"), body(ctx), caller.keyId());
    try {
      made.committed().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("decision {} could not be logged", made.decisionId(), e);
      throw new ProblemException(503, "log-unavailable", "Decision log unavailable",
          "the ruling could not be written to the decision log, so it is not given; try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(503, "log-unavailable", "Decision log unavailable", "the server is stopping");
    }
    rulingTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    ctx.status(201).header("Location", "/v1/decisions/" + made.decisionId()).contentType("application/json").result(made.response());
  }

  private LibraryPolicy knownPolicy(String id) {
    PolicyLibrary library = core.library.library();
    return library.policy(id).orElseThrow(() -> new ProblemException(404, "unknown-policy", "No such policy",
        library.inForce(id, LocalDate.MIN).reason()));
  }

  /** An edition's standing today: in force, superseded, approved for later, or not approved. */
  static String standing(Edition e, InForce today) {
    if (today.edition().map(x -> x.digest().equals(e.digest())).orElse(false)) {
      return today.draft() ? "in force (draft)" : "in force";
    }
    if (e.superseded()) {
      return "superseded";
    }
    if (!e.approval().approved()) {
      return "not approved";
    }
    return e.effective().isAfter(today.date()) ? "approved, not yet in force" : "approved";
  }

  ObjectNode policyJson(LibraryPolicy policy, boolean editions) {
    InForce today = core.library.library().inForce(policy.id(), LocalDate.now(core.clock), core.library.drafts());
    ObjectNode node = Json.object();
    node.put("id", policy.id());
    node.put("title", policy.title());
    if (today.edition().isPresent()) {
      Edition e = today.edition().get();
      node.putObject("inForce").put("version", e.version()).put("digest", e.digest()).put("inForceFrom", e.effective().toString())
          .put("draft", today.draft());
      e.reviewDue().ifPresentOrElse(d -> node.put("nextReview", d.toString()), () -> node.putNull("nextReview"));
    } else {
      node.putNull("inForce");
      node.putNull("nextReview");
    }
    node.put("reason", today.reason());
    if (editions) {
      ArrayNode list = node.putArray("editions");
      for (Edition e : policy.editions()) {
        ObjectNode item = list.addObject();
        item.put("version", e.version());
        item.put("digest", e.digest());
        item.put("file", core.folder.relativize(e.file()).toString());
        item.put("status", standing(e, today));
        item.put("inForceFrom", e.effective().toString());
        e.supersededBy().ifPresent(v -> item.put("supersededBy", v));
        e.reviewDue().ifPresent(d -> item.put("nextReview", d.toString()));
        item.set("approval", RulingDesk.approval(e));
      }
    }
    return node;
  }

  private void policies(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    ArrayNode list = Json.mapper().createArrayNode();
    core.library.library().policies().forEach(p -> list.add(policyJson(p, false)));
    ctx.json(Json.object().set("policies", list));
  }

  private void policy(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    ctx.json(policyJson(knownPolicy(ctx.pathParam("id")), true));
  }

  private void document(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    onlyParameters(ctx, List.of("format", "edition"));
    LibraryPolicy policy = knownPolicy(ctx.pathParam("id"));
    Edition edition = editionFor(policy, Optional.ofNullable(ctx.queryParam("edition")));
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
    switch (format) {
      case "html" -> ctx.html(Documents.html(edition));
      case "pdf" -> ctx.contentType("application/pdf")
          .header("Content-Disposition", "inline; filename=\"" + policy.id() + "-" + edition.version() + ".pdf\"")
          .result(Documents.pdf(edition));
      default -> throw new ProblemException(400, "invalid-parameter", "Invalid parameter", "format '" + format + "' is not html or pdf");
    }
  }

  /** The edition asked for (by version or digest), else the one in force today, else the latest. */
  Edition editionFor(LibraryPolicy policy, Optional<String> asked) {
    if (asked.isPresent()) {
      return policy.editions().stream().filter(e -> e.version().equals(asked.get()) || e.digest().equals(asked.get())).findFirst()
          .orElseThrow(() -> new ProblemException(404, "unknown-edition", "No such edition", "policy " + policy.id() + " has no edition '"
              + asked.get() + "' (its editions: " + String.join(", ", policy.editions().stream().map(Edition::version).toList()) + ")"));
    }
    return core.library.library().inForce(policy.id(), LocalDate.now(core.clock), core.library.drafts()).edition()
        .orElse(policy.editions().get(policy.editions().size() - 1));
  }

  private void decisions(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    onlyParameters(ctx, List.of("policy", "edition", "outcome", "role", "from", "to", "person", "after", "limit"));
    int limit = intParam(ctx, "limit", 50, 1, 500);
    long after = intParam(ctx, "after", 0, 0, Integer.MAX_VALUE);
    Optional<String> outcome = Optional.ofNullable(ctx.queryParam("outcome"));
    if (outcome.isPresent() && !List.of("breached", "excused", "undetermined", "not-applicable").contains(outcome.get())) {
      throw new ProblemException(400, "invalid-parameter", "Invalid parameter",
          "outcome '" + outcome.get() + "' is not one of breached, excused, undetermined, not-applicable");
    }
    DecisionLog.Filter filter = new DecisionLog.Filter(Optional.ofNullable(ctx.queryParam("policy")),
        Optional.ofNullable(ctx.queryParam("edition")), outcome, Optional.ofNullable(ctx.queryParam("role")),
        time(ctx, "from"), time(ctx, "to"), core.redaction.personRef(Optional.ofNullable(ctx.queryParam("person"))), after, limit + 1);
    List<DecisionRecord> found = core.log.list(filter);
    ArrayNode list = Json.mapper().createArrayNode();
    found.stream().limit(limit).forEach(r -> list.add(summary(r)));
    ObjectNode body = Json.object();
    body.set("decisions", list);
    if (found.size() > limit) {
      String query = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)after=[^&]*", "");
      body.put("next", "/v1/decisions?" + (query.isEmpty() || query.equals("&") ? "" : query.replaceFirst("^&", "") + "&")
          + "after=" + found.get(limit - 1).seq());
    } else {
      body.putNull("next");
    }
    ctx.json(body);
  }

  /**
   * Refuses a query parameter the endpoint does not read, so a misspelt filter ({@code ?polcy=})
   * is a 400 naming the parameters it takes, not a quiet answer over everything.
   */
  static void onlyParameters(Context ctx, List<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw new ProblemException(400, "invalid-parameter", "Invalid parameter", "unknown parameter '" + name + "': "
            + DidYouMean.hint(name, known, ctx.path() + " takes") + (DidYouMean.closest(name, known).isEmpty() ? "" : " ("
            + ctx.path() + " takes " + String.join(", ", known) + ")"));
      }
    }
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ProblemException(400, "invalid-parameter", "Invalid parameter", name + " '" + text + "' is not a whole number from "
        + min + " to " + max);
  }

  private Optional<String> time(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(core.clock.getZone()).toInstant().toString()
          : Instant.parse(text).toString());
    } catch (DateTimeParseException e) {
      throw new ProblemException(400, "invalid-parameter", "Invalid parameter", name + " '" + text
          + "' is not a date (2017-03-01) or a UTC time (2017-03-01T09:30:00Z)");
    }
  }

  static ObjectNode summary(DecisionRecord r) {
    ObjectNode node = Json.object();
    node.put("decisionId", r.decisionId());
    node.put("seq", r.seq());
    node.put("recordedAt", r.recordedAt());
    node.put("policy", r.policyId());
    node.putObject("edition").put("version", r.editionVersion()).put("digest", r.editionDigest());
    node.put("draft", r.draft());
    node.put("outcome", r.outcome());
    ArrayNode roles = node.putArray("roles");
    for (String role : r.roles().split(",")) {
      if (!role.isEmpty()) {
        roles.add(role);
      }
    }
    node.put("apiKey", r.apiKeyId());
    return node;
  }

  private void decision(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    DecisionRecord r = core.log.find(ctx.pathParam("id")).orElseThrow(() -> new ProblemException(404, "unknown-decision",
        "No such decision", "no decision '" + ctx.pathParam("id") + "' in the log"));
    ObjectNode node = summary(r);
    if (r.personRef() != null) {
      node.put("personRef", r.personRef());
    }
    node.set("incident", Json.read(r.incident()));
    node.set("ruling", Json.read(r.ruling()));
    node.put("prevHash", r.prevHash());
    node.put("hash", r.hash());
    ctx.json(node);
  }

  private void status(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    PolicyLibrary library = core.library.library();
    LocalDate today = LocalDate.now(core.clock);
    ObjectNode body = Json.object();
    body.put("loadedAt", core.library.loadedAt().toString());
    body.put("drafts", core.library.drafts().name().toLowerCase(java.util.Locale.ROOT));
    body.put("personalData", core.redaction.mode().name().toLowerCase(java.util.Locale.ROOT));
    body.put("database", core.database.postgres() ? "postgresql" : "sqlite");
    ArrayNode policies = body.putArray("policies");
    for (LibraryPolicy p : library.policies()) {
      InForce inForce = library.inForce(p.id(), today, core.library.drafts());
      ObjectNode item = policies.addObject();
      item.put("id", p.id());
      inForce.edition().ifPresentOrElse(e -> item.putObject("inForce").put("version", e.version()).put("digest", e.digest())
          .put("inForceFrom", e.effective().toString()).put("draft", inForce.draft()), () -> item.putNull("inForce"));
      item.put("reason", inForce.reason());
      ArrayNode refused = item.putArray("refused");
      for (Edition e : p.editions()) {
        if (!e.approval().approved() && !e.superseded()) {
          ObjectNode r = refused.addObject().put("version", e.version()).put("file", core.folder.relativize(e.file()).toString());
          ArrayNode reasons = r.putArray("reasons");
          e.approval().reasons().forEach(reasons::add);
        }
      }
    }
    ArrayNode problems = body.putArray("problems");
    for (LoadProblem problem : library.problems()) {
      ObjectNode item = problems.addObject().put("file", core.folder.relativize(problem.file()).toString()).put("message", problem.message());
      ArrayNode located = item.putArray("errors");
      problem.problems().forEach(p -> located.addObject().put("line", p.line()).put("column", p.column()).put("pointer", p.pointer())
          .put("detail", p.message()));
    }
    ctx.json(body);
  }

  private void acknowledge(Context ctx) {
    ApiKeys.Caller caller = caller(ctx, Optional.of(Scope.ACKNOWLEDGE));
    JsonNode body;
    try {
      body = Json.mapper().readTree(body(ctx));
    } catch (IOException e) {
      throw new ProblemException(400, "invalid-acknowledgement", "The acknowledgement is not valid", "the body is not JSON");
    }
    ObjectNode ack = Acknowledgements.record(core, body, "key:" + caller.keyId());
    ctx.status(201).json(ack);
  }

  private void report(Context ctx) {
    caller(ctx, Optional.of(Scope.READ));
    onlyParameters(ctx, List.of("policy", "role", "academy"));
    String policy = Optional.ofNullable(ctx.queryParam("policy")).orElseThrow(() -> new ProblemException(400, "invalid-parameter",
        "Invalid parameter", "say which policy: ?policy=ID"));
    ctx.json(Acknowledgements.report(core, knownPolicy(policy), Optional.ofNullable(ctx.queryParam("role")),
        Optional.ofNullable(ctx.queryParam("academy"))));
  }

  /** A roster problem as {@link Roster#importCsv} words it: {@code request body:LINE: what is wrong}. */
  private static final Pattern ROSTER_PROBLEM = Pattern.compile("request body:(\\d+): (.*)", Pattern.DOTALL);

  private void importPeople(Context ctx) {
    caller(ctx, Optional.of(Scope.ADMIN));
    var result = core.roster.importCsv(new String(body(ctx), StandardCharsets.UTF_8), "request body",
        Optional.of(Roster.declaredRoles(core.library.library())));
    if (!result.problems().isEmpty()) {
      List<Diagnostic> rows = new ArrayList<>();
      for (String problem : result.problems()) {
        Matcher located = ROSTER_PROBLEM.matcher(problem);
        boolean at = located.matches();
        rows.add(Diagnostic.builder().code("invalid-roster-row").source("request body").line(at ? Integer.parseInt(located.group(1)) : 0)
            .column(at ? 1 : 0).pointer("").message(at ? located.group(2) : problem.replaceFirst("^request body: ", "")).build());
      }
      throw new ProblemException(400, "invalid-roster", "The roster is not valid", rows.size()
          + (rows.size() == 1 ? " problem" : " problems") + " in the roster; nothing was imported", rows);
    }
    ObjectNode imported = Json.object().put("added", result.added()).put("updated", result.updated()).put("removed", result.removed())
        .put("unchanged", result.unchanged());
    ArrayNode notices = imported.putArray("notices");
    result.notices().forEach(notices::add);
    ctx.json(imported);
  }
}
