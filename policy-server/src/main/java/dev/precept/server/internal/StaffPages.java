package dev.precept.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.Rulings;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.RegisterPage;
import dev.precept.model.BreachCategory;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Policy;
import dev.precept.model.Role;
import dev.precept.server.Scope;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Server-rendered pages for staff: the library, the ruling explorer, the acknowledgement report,
 * and the personal acknowledgement page a link opens. A clerk signs in with an API key, which
 * becomes a session cookie (HttpOnly, SameSite=Strict, expiring); every form carries a CSRF token
 * derived from the session; all policy text is escaped.
 */
public final class StaffPages {
  private static final String LOGIN_CSRF = "precept_login";
  private static final java.time.Period REGISTER_WINDOW = java.time.Period.ofDays(60);

  private final ServerCore core;
  private final ApiRoutes api;

  /** Pages over this server's parts. */
  public StaffPages(ServerCore core, ApiRoutes api) {
    this.core = core;
    this.api = api;
  }

  /** Adds the pages to a Javalin configuration. */
  public void install(JavalinConfig config) {
    var routes = config.routes;
    routes.get("/", ctx -> ctx.redirect("/staff"));
    routes.get("/staff/login", this::loginForm);
    routes.post("/staff/login", this::login);
    routes.post("/staff/logout", this::logout);
    routes.get("/staff", this::library);
    routes.get("/staff/register", this::register);
    routes.get("/staff/policies/{id}/explorer", ctx -> explorer(ctx, Optional.empty()));
    routes.post("/staff/policies/{id}/explorer", this::explore);
    routes.get("/staff/policies/{id}/acknowledgements", this::report);
    routes.get("/ack/{token}", this::ackPage);
    routes.get("/ack/{token}/document", this::ackDocument);
    routes.post("/ack/{token}", this::acknowledge);
  }

  /** The caller of a signed-in session, when the request carries a valid session cookie. */
  static Optional<ApiKeys.Caller> sessionCaller(Context ctx, ServerCore core) {
    return core.sessions.keyId(ctx.cookie(Sessions.COOKIE), Instant.now()).flatMap(core.keys::byId);
  }

  private static void html(Context ctx, int status, String page) {
    ctx.status(status).header("Cache-Control", "no-store").header("X-Frame-Options", "SAMEORIGIN")
        .header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'").html(page);
  }

  private Optional<ApiKeys.Caller> signedIn(Context ctx, Scope scope) {
    Optional<ApiKeys.Caller> caller = sessionCaller(ctx, core);
    if (caller.isEmpty()) {
      ctx.redirect("/staff/login");
      return Optional.empty();
    }
    if (!caller.get().may(scope)) {
      html(ctx, 403, Html.page("Not allowed", "<p>The key you signed in with ('" + Html.text(caller.get().name())
          + "') lacks the '" + scope.word() + "' scope.</p>", true, csrf(ctx)));
      return Optional.empty();
    }
    return caller;
  }

  private String csrf(Context ctx) {
    String cookie = ctx.cookie(Sessions.COOKIE);
    return cookie == null ? "" : core.sessions.csrf(cookie);
  }

  private boolean csrfHolds(Context ctx) {
    String sent = ctx.formParam("csrf");
    String cookie = ctx.cookie(Sessions.COOKIE);
    return sent != null && cookie != null && Secrets.same(sent, core.sessions.csrf(cookie));
  }

  private static void forbidden(Context ctx) {
    html(ctx, 403, Html.page("Form expired", "<p>This form is out of date or did not come from this site. "
        + "<a href=\"/staff\">Start again</a>.</p>", false, ""));
  }

  private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
    Cookie cookie = new Cookie(name, value, "/", maxAge, "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")) || ctx.scheme().equals("https"),
        true, null, SameSite.STRICT);
    return cookie;
  }

  private void loginForm(Context ctx) {
    String token = Secrets.randomHex(16);
    ctx.cookie(cookie(ctx, LOGIN_CSRF, token, 600));
    html(ctx, 200, Html.page("Sign in", "<p>Sign in with an API key (from <code>precept apikey create</code>).</p>"
        + "<form method=\"post\" action=\"/staff/login\">" + Html.csrfField(token)
        + "<label for=\"key\">API key</label><input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"off\" required>"
        + "<div><button type=\"submit\" id=\"sign-in\">Sign in</button></div></form>", false, ""));
  }

  private void login(Context ctx) {
    String sent = ctx.formParam("csrf");
    String expected = ctx.cookie(LOGIN_CSRF);
    if (sent == null || expected == null || !Secrets.same(sent, expected)) {
      forbidden(ctx);
      return;
    }
    Optional<ApiKeys.Caller> caller = core.keys.authenticate(Optional.ofNullable(ctx.formParam("key")).orElse("").strip());
    if (caller.isEmpty()) {
      html(ctx, 401, Html.page("Sign in", "<p class=\"notice\">That key is not valid, or it was revoked.</p>"
          + "<p><a href=\"/staff/login\">Try again</a></p>", false, ""));
      return;
    }
    ctx.cookie(cookie(ctx, Sessions.COOKIE, core.sessions.open(caller.get().keyId(), Instant.now()), (int) Sessions.LENGTH.toSeconds()));
    ctx.cookie(cookie(ctx, LOGIN_CSRF, "", 0));
    ctx.redirect("/staff", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    if (!csrfHolds(ctx)) {
      forbidden(ctx);
      return;
    }
    ctx.cookie(cookie(ctx, Sessions.COOKIE, "", 0));
    ctx.redirect("/staff/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void library(Context ctx) {
    if (signedIn(ctx, Scope.READ).isEmpty()) {
      return;
    }
    LocalDate today = LocalDate.now(core.clock);
    StringBuilder rows = new StringBuilder();
    for (LibraryPolicy p : core.library.library().policies()) {
      InForce inForce = core.library.library().inForce(p.id(), today, core.library.drafts());
      String id = Html.text(p.id());
      rows.append("<tr><td>").append(Html.text(p.title())).append("<br><small>").append(id).append("</small></td><td>")
          .append(inForce.edition().map(e -> Html.text(e.version()) + (inForce.draft() ? " (DRAFT)" : "") + "<br><small>from "
              + e.effective() + "</small>").orElse("none: " + Html.text(inForce.reason())))
          .append("</td><td>").append(inForce.edition().flatMap(Edition::reviewDue).map(LocalDate::toString).orElse("—"))
          .append("</td><td>").append(p.editions().size()).append("</td><td><a href=\"/v1/policies/").append(id)
          .append("/document\">Document</a> · <a href=\"/staff/policies/").append(id).append("/explorer\">Ruling explorer</a> · ")
          .append("<a href=\"/staff/policies/").append(id).append("/acknowledgements\">Acknowledgements</a></td></tr>\n");
    }
    StringBuilder problems = new StringBuilder();
    core.library.library().problems().forEach(pr -> problems.append("<li>").append(Html.text(core.folder.relativize(pr.file()).toString()))
        .append(": ").append(Html.text(pr.message())).append("</li>"));
    html(ctx, 200, Html.page("Policy library", "<table id=\"policies\"><thead><tr><th>Policy</th><th>Edition in force</th>"
        + "<th>Next review</th><th>Editions</th><th></th></tr></thead><tbody>" + rows + "</tbody></table>"
        + "<p><a href=\"/staff/register\">The register of policies by academy</a></p>"
        + (problems.length() == 0 ? "" : "<h2>Files refused</h2><ul>" + problems + "</ul>"), true, csrf(ctx)));
  }

  /**
   * The trust's register of policies by academy: the same page {@code precept library --format html}
   * writes, from the library this server holds (reviews due within 60 days marked due).
   */
  private void register(Context ctx) {
    if (signedIn(ctx, Scope.READ).isEmpty()) {
      return;
    }
    html(ctx, 200, RegisterPage.html(core.library.library().trust().register(LocalDate.now(core.clock), REGISTER_WINDOW)));
  }

  private Optional<LibraryPolicy> policy(Context ctx) {
    Optional<LibraryPolicy> policy = core.library.library().policy(ctx.pathParam("id"));
    if (policy.isEmpty()) {
      html(ctx, 404, Html.page("No such policy", "<p>" + Html.text(core.library.library().inForce(ctx.pathParam("id"), LocalDate.MIN).reason())
          + "</p>", true, csrf(ctx)));
    }
    return policy;
  }

  private void explorer(Context ctx, Optional<String> result) {
    if (signedIn(ctx, Scope.READ).isEmpty()) {
      return;
    }
    Optional<LibraryPolicy> found = policy(ctx);
    if (found.isEmpty()) {
      return;
    }
    LibraryPolicy lp = found.get();
    String dateText = Optional.ofNullable(ctx.formParam("date")).orElse(LocalDate.now(core.clock).toString());
    Edition edition = api.editionFor(lp, Optional.empty());
    Policy policy = edition.policy();
    StringBuilder form = new StringBuilder("<p>Try “what happens if”: choose who, what and the circumstances. "
        + "The ruling comes from the edition in force on the date; it is not logged.</p>"
        + "<form method=\"post\" action=\"/staff/policies/" + Html.text(lp.id()) + "/explorer\">" + Html.csrfField(csrf(ctx))
        + "<label for=\"date\">Date of the incident</label><input type=\"date\" id=\"date\" name=\"date\" value=\"" + Html.text(dateText) + "\">"
        + "<label for=\"role\">Role</label><select id=\"role\" name=\"role\">");
    for (Role role : policy.roles()) {
      form.append(option(role.id(), role.title(), role.id().equals(ctx.formParam("role"))));
    }
    form.append("</select><label for=\"category\">Breach</label><select id=\"category\" name=\"category\">");
    for (BreachCategory category : policy.breachCategories()) {
      form.append(option(category.id(), category.title(), category.id().equals(ctx.formParam("category"))));
    }
    form.append("</select>");
    for (Fact fact : policy.facts()) {
      String name = "fact." + fact.id();
      form.append("<label for=\"").append(Html.text(name)).append("\">").append(Html.text(fact.description())).append("</label>");
      if (fact.type() == FactType.BOOLEAN || fact.type() == FactType.ENUM) {
        form.append("<select id=\"").append(Html.text(name)).append("\" name=\"").append(Html.text(name)).append("\">")
            .append(option("", "not known", ctx.formParam(name) == null || ctx.formParam(name).isEmpty()));
        for (String value : fact.type() == FactType.BOOLEAN ? java.util.List.of("true", "false") : fact.values()) {
          form.append(option(value, fact.type() == FactType.BOOLEAN ? (value.equals("true") ? "yes" : "no") : value, value.equals(ctx.formParam(name))));
        }
        form.append("</select>");
      } else {
        form.append("<input type=\"text\" id=\"").append(Html.text(name)).append("\" name=\"").append(Html.text(name)).append("\" value=\"")
            .append(Html.text(Optional.ofNullable(ctx.formParam(name)).orElse(""))).append("\">");
      }
    }
    form.append("<div><button type=\"submit\" id=\"rule\">Rule</button></div></form>");
    html(ctx, 200, Html.page("Ruling explorer: " + lp.title(), form + result.orElse(""), true, csrf(ctx)));
  }

  private static String option(String value, String label, boolean selected) {
    return "<option value=\"" + Html.text(value) + "\"" + (selected ? " selected" : "") + ">" + Html.text(label) + "</option>";
  }

  private void explore(Context ctx) {
    if (sessionCaller(ctx, core).isPresent() && !csrfHolds(ctx)) {
      forbidden(ctx);
      return;
    }
    if (signedIn(ctx, Scope.READ).isEmpty() || policy(ctx).isEmpty()) {
      return;
    }
    ObjectNode incident = Json.object();
    incident.put("id", "explorer");
    incident.put("date", Optional.ofNullable(ctx.formParam("date")).orElse(""));
    incident.putObject("person").putArray("roles").add(Optional.ofNullable(ctx.formParam("role")).orElse(""));
    incident.putArray("categories").add(Optional.ofNullable(ctx.formParam("category")).orElse(""));
    ObjectNode facts = incident.putObject("facts");
    ctx.formParamMap().forEach((name, values) -> {
      if (name.startsWith("fact.") && !values.isEmpty() && !values.get(0).isEmpty()) {
        String value = values.get(0);
        if (value.equals("true") || value.equals("false")) {
          facts.put(name.substring(5), Boolean.parseBoolean(value));
        } else {
          facts.put(name.substring(5), value);
        }
      }
    });
    String result;
    try {
      RulingDesk.Trial trial = core.desk.explore(ctx.pathParam("id"), incident);
      String outcome = RulingDesk.outcome(trial.ruling());
      result = "<section id=\"ruling\"><h2>Ruling: <span class=\"" + Html.text(outcome) + "\">" + Html.text(outcome) + "</span></h2>"
          + "<p>" + Html.text(trial.inForce().reason()) + "</p><pre>" + Html.text(Rulings.toText(trial.ruling())) + "</pre></section>";
    } catch (ProblemException e) {
      JsonNode body = e.body(ctx.path());
      StringBuilder list = new StringBuilder();
      body.path("errors").forEach(err -> list.append("<li>").append(Html.text(err.path("detail").asText())).append("</li>"));
      result = "<section id=\"ruling\" class=\"notice\"><p>" + Html.text(body.path("detail").asText()) + "</p><ul>" + list + "</ul></section>";
    }
    explorer(ctx, Optional.of(result));
  }

  private void report(Context ctx) {
    if (signedIn(ctx, Scope.READ).isEmpty()) {
      return;
    }
    Optional<LibraryPolicy> found = policy(ctx);
    if (found.isEmpty()) {
      return;
    }
    ObjectNode report;
    try {
      report = Acknowledgements.report(core, found.get(), Optional.ofNullable(ctx.queryParam("role")).filter(s -> !s.isEmpty()),
          Optional.ofNullable(ctx.queryParam("academy")).filter(s -> !s.isEmpty()));
    } catch (ProblemException e) {
      html(ctx, 422, Html.page("Acknowledgements", "<p>" + Html.text(e.getMessage()) + "</p>", true, csrf(ctx)));
      return;
    }
    StringBuilder rows = new StringBuilder();
    report.path("people").forEach(p -> rows.append("<tr data-person=\"").append(Html.text(p.path("id").asText())).append("\"><td>")
        .append(Html.text(p.path("name").asText())).append("</td><td>").append(Html.text(String.join(", ",
            java.util.stream.StreamSupport.stream(p.path("roles").spliterator(), false).map(JsonNode::asText).toList())))
        .append("</td><td>").append(Html.text(p.path("academy").asText())).append("</td><td class=\"status\">")
        .append(Html.text(p.path("status").asText()
            + (p.has("acknowledgedVersion") ? " (read " + p.path("acknowledgedVersion").asText() + ")" : "")
            + (p.has("at") ? ", " + p.path("at").asText().substring(0, 10) : "")))
        .append("</td></tr>\n"));
    html(ctx, 200, Html.page("Acknowledgements: " + found.get().title(), "<p>Edition " + Html.text(report.path("edition").path("version").asText())
        + ": " + report.path("acknowledged").asInt() + " of " + report.path("inScope").asInt() + " people in scope have acknowledged it; "
        + report.path("outdated").asInt() + " only an earlier edition; " + report.path("notAcknowledged").asInt() + " none.</p>"
        + "<form method=\"get\"><label for=\"role\">Role</label><input type=\"text\" id=\"role\" name=\"role\" value=\""
        + Html.text(Optional.ofNullable(ctx.queryParam("role")).orElse("")) + "\"><label for=\"academy\">Academy</label>"
        + "<input type=\"text\" id=\"academy\" name=\"academy\" value=\"" + Html.text(Optional.ofNullable(ctx.queryParam("academy")).orElse(""))
        + "\"><div><button type=\"submit\">Filter</button></div></form>"
        + "<table id=\"report\"><thead><tr><th>Name</th><th>Roles</th><th>Academy</th><th>Acknowledged</th></tr></thead><tbody>" + rows
        + "</tbody></table>", true, csrf(ctx)));
  }

  /** What an acknowledgement link names, when it is genuine, unexpired, unused and its edition is at hand. */
  private record Link(AckLinks.Claim claim, Roster.Person person, Edition edition, String tokenHash) {}

  private Optional<Link> link(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<AckLinks.Claim> claim = core.links.read(token);
    String problem = null;
    Link link = null;
    if (claim.isEmpty()) {
      problem = "This link is not valid: it may have been mistyped or changed.";
    } else if (claim.get().expires().isBefore(Instant.now())) {
      problem = "This link expired on " + claim.get().expires() + ". Ask the clerk for a new one.";
    } else {
      String hash = Secrets.sha256(token);
      Optional<Roster.Person> person = core.roster.find(claim.get().person());
      Optional<Edition> edition = core.library.library().policy(claim.get().policy()).flatMap(p -> p.edition(claim.get().digest()));
      if (core.roster.linkUsed(hash)) {
        problem = "This link has already been used: the acknowledgement was recorded.";
      } else if (person.isEmpty() || edition.isEmpty()) {
        problem = "The person or the edition this link names is no longer known to the server.";
      } else {
        link = new Link(claim.get(), person.get(), edition.get(), hash);
      }
    }
    if (link == null) {
      html(ctx, claim.isEmpty() ? 404 : 410, Html.page("Acknowledgement", "<p class=\"notice\" id=\"link-problem\">" + Html.text(problem) + "</p>",
          false, ""));
      return Optional.empty();
    }
    return Optional.of(link);
  }

  private void ackPage(Context ctx) {
    Optional<Link> found = link(ctx);
    if (found.isEmpty()) {
      return;
    }
    Link link = found.get();
    String token = ctx.pathParam("token");
    html(ctx, 200, Html.page(link.edition().policy().metadata().title() + ", edition " + link.edition().version(),
        "<p>For " + Html.text(link.person().name()) + " (" + Html.text(String.join(", ", link.person().roles())) + ").</p>"
            + "<p><a href=\"/ack/" + Html.text(token) + "/document\" target=\"_blank\" rel=\"noopener\">Open the policy</a></p>"
            + "<iframe title=\"The policy\" src=\"/ack/" + Html.text(token) + "/document\" style=\"width:100%;height:28rem;border:1px solid #ccc\"></iframe>"
            + "<form method=\"post\" action=\"/ack/" + Html.text(token) + "\">" + Html.csrfField(Secrets.hmac(core.links.csrfKey(), token))
            + "<button type=\"submit\" id=\"acknowledge\">I have read edition " + Html.text(link.edition().version()) + "</button></form>",
        false, ""));
  }

  private void ackDocument(Context ctx) {
    Optional<Link> found = link(ctx);
    if (found.isPresent()) {
      ctx.header("Cache-Control", "no-store").html(Documents.html(found.get().edition()));
    }
  }

  private void acknowledge(Context ctx) {
    String token = ctx.pathParam("token");
    String sent = ctx.formParam("csrf");
    if (sent == null || !Secrets.same(sent, Secrets.hmac(core.links.csrfKey(), token))) {
      forbidden(ctx);
      return;
    }
    Optional<Link> found = link(ctx);
    if (found.isEmpty()) {
      return;
    }
    Link link = found.get();
    if (!core.roster.useLink(link.tokenHash())) {
      html(ctx, 410, Html.page("Acknowledgement", "<p class=\"notice\" id=\"link-problem\">This link has already been used.</p>", false, ""));
      return;
    }
    Roster.Acknowledgement ack = core.roster.acknowledge(link.person().id(), link.edition().policyId(), link.edition().version(),
        link.edition().digest(), "link");
    html(ctx, 200, Html.page("Thank you", "<p id=\"acknowledged\">" + Html.text(link.person().name()) + " acknowledged "
        + Html.text(link.edition().policy().metadata().title()) + ", edition " + Html.text(link.edition().version()) + ", on "
        + Html.text(ack.at()) + ".</p>", false, ""));
  }
}
