package dev.precept.server.internal.board;

import static dev.precept.server.internal.board.Pages.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalRound;
import dev.precept.approval.ApprovalRounds;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring.TrustedPasskey;
import dev.precept.approval.Keyring;
import dev.precept.approval.Passkeys;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.PolicyCase;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import dev.precept.review.BoardPack;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Board's reading room on the Precept server. Each signatory's personal link opens the
 * edition under review (document, changes since the edition in force, rulings that change, check,
 * cases, PDF), lets them enrol a passkey once, and decide with it; the secretary's link shows the
 * round's status and confirms enrolments into the policy's keyring. Every decision is appended to
 * the approvals file beside the policy, where {@code precept verify} checks it like any other.
 *
 * <pre>{@code
 * BoardRoom room = new BoardRoom(libraryFolder, "https://board.example.org", "board.example.org", Clock.system(ZoneId.of("Europe/London")));
 * Javalin.create(config -> room.install(config));
 * }</pre>
 */
public final class BoardRoom {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager WEBAUTHN = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
  private static final long CEREMONY_SECONDS = 300;
  private static final List<String> PAGES = List.of("index.html", "document.html", "document.pdf", "changes.html", "check.html", "cases.html");

  private final Path library;
  private final String origin;
  private final String rpId;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ceremony> ceremonies = new ConcurrentHashMap<>();
  private final Map<String, Map<String, byte[]>> packs = new java.util.LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
      return size() > 8;
    }
  };

  /** What the server asked an authenticator to sign, until it answers (or five minutes pass). */
  private record Ceremony(byte[] challenge, Optional<ApprovalRecord> statement, Instant until) {}

  /** A link's round, the policy file it is on, and whose link it is. */
  private record Visit(ApprovalRound round, Path policyFile, Optional<ApprovalRound.Invitation> invitation) {
    String key() {
      return round.id() + "/" + invitation.map(ApprovalRound.Invitation::office).orElse("secretary");
    }
  }

  /** Refusal of a request, with the status and the sentence the person sees. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /**
   * A reading room over this library folder.
   *
   * @param origin the address signatories reach the server at ({@code https://board.example.org}); passkeys are bound to it
   * @param rpId the relying-party id, the origin's host name
   */
  public BoardRoom(Path library, String origin, String rpId, Clock clock) {
    this.library = library;
    this.origin = origin.replaceAll("/+$", "");
    this.rpId = rpId;
    this.clock = clock;
  }

  /** Adds the reading room's routes under {@code /board/}. */
  public void install(JavalinConfig config) {
    var routes = config.routes;
    routes.get("/board/{round}/{office}/{token}", ctx -> page(ctx, () -> home(ctx)));
    routes.get("/board/{round}/{office}/{token}/read/{page}", this::read);
    routes.post("/board/{round}/{office}/{token}/enrol/options", ctx -> api(ctx, () -> enrolOptions(visit(ctx, true))));
    routes.post("/board/{round}/{office}/{token}/enrol", ctx -> api(ctx, () -> enrol(visit(ctx, true), body(ctx))));
    routes.post("/board/{round}/{office}/{token}/decide/options", ctx -> api(ctx, () -> decideOptions(visit(ctx, true), body(ctx))));
    routes.post("/board/{round}/{office}/{token}/decide", ctx -> api(ctx, () -> decide(visit(ctx, true), body(ctx))));
    routes.post("/board/{round}/{office}/{token}/confirm", ctx -> page(ctx, () -> confirm(ctx)));
  }

  // ---- pages ----------------------------------------------------------------------------------

  private interface Html {
    String get();
  }

  private interface Answer {
    ObjectNode get();
  }

  private static void page(Context ctx, Html html) {
    try {
      ctx.contentType("text/html; charset=utf-8").result(html.get());
    } catch (Refusal e) {
      ctx.status(e.status).contentType("text/html; charset=utf-8")
          .result(Pages.page("Not available", "<h1>Not available</h1><p class=\"refused\">" + esc(e.getMessage()) + "</p>"));
    }
  }

  private static void api(Context ctx, Answer answer) {
    ObjectNode out;
    try {
      out = answer.get();
    } catch (Refusal e) {
      ctx.status(e.status);
      out = JSON.createObjectNode().put("message", e.getMessage());
    }
    ctx.contentType("application/json").result(out.toString());
  }

  private String home(Context ctx) {
    Visit visit = visit(ctx, false);
    Policy policy = load(visit.policyFile);
    ApprovalRound round = visit.round;
    StringBuilder body = new StringBuilder();
    body.append("<h1>").append(esc(policy.metadata().title())).append("</h1>");
    body.append("<p>Version ").append(esc(round.version())).append(" for ").append(esc(round.meeting()))
        .append(". Decisions are due by <strong>").append(esc(longDate(round.due()))).append("</strong>.</p>");
    body.append("<p id=\"edition\">").append(esc(whatIsDecided(visit, policy))).append("</p>");
    if (!round.digest().equals(PolicyDigest.of(policy).toString())) {
      body.append("<p class=\"refused\">").append(esc(changedSinceOpened())).append("</p>");
    }
    if (visit.invitation.isEmpty()) {
      return Pages.page("Approval round: " + policy.metadata().title(), body.append(secretary(visit, policy, ctx.path() + "/confirm")).toString());
    }
    ApprovalRound.Invitation invitation = visit.invitation.get();
    String title = policy.office(invitation.office()).map(o -> o.title()).orElse(invitation.office());
    body.append("<p>For ").append(esc(invitation.name())).append(", ").append(esc(title)).append(".</p>");
    body.append("<h2>Read</h2><nav><ul>");
    String base = esc(ctx.path()) + "/read/";
    body.append(link(base + "document.html", "The policy", "the document you are asked to approve"));
    if (previous(visit.policyFile, policy).isPresent()) {
      body.append(link(base + "changes.html", "What changed since the edition in force", "each change in plain words, and the rulings that change"));
    }
    body.append(link(base + "check.html", "Check", "who each rule covers, gaps and conflicts"));
    if (!cases(visit.policyFile, policy).isEmpty()) {
      body.append(link(base + "cases.html", "Cases", "worked examples and what the policy decides for each"));
    }
    body.append(link(base + "document.pdf", "The policy as a PDF", "to print or keep"));
    body.append("</ul></nav>");
    Optional<ApprovalRecord> decided = decision(visit, policy, invitation.office());
    decided.ifPresent(r -> body.append("<p class=\"done\" id=\"your-decision\">").append(esc("You have decided: you " + said(r.decision())
        + " on " + longDate(r.date()) + Approvals.verifiedEvidence(r) + ". Your decision is recorded; you need do nothing more. "
        + "If you change your mind by " + longDate(round.due()) + ", choose again below: your latest decision is the one that counts."))
        .append("</p>"));
    Keyring keyring = keyring(visit.policyFile);
    boolean enrolled = keyring.passkeys().stream().anyMatch(p -> p.office().equals(invitation.office()));
    boolean waiting = round.enrolments().stream().anyMatch(p -> p.office().equals(invitation.office()));
    if (!enrolled) {
      body.append("<h2>Your passkey</h2>");
      if (waiting) {
        body.append("<p class=\"note\">Your passkey is registered and waits for the secretary to confirm it. "
            + "If you have not yet done so, tell the secretary, in person or by phone, that you have just registered: they confirm it only then. "
            + "Come back to this page once they have.</p>");
      } else {
        body.append("<p>To approve, you need a passkey: your device keeps it and asks for your fingerprint, face or PIN. "
            + "You register it once; the secretary then confirms it is yours.</p>")
            .append("<button id=\"enrol\" type=\"button\" onclick=\"enrol()\">Register my passkey</button>");
      }
    } else {
      body.append(decided.isPresent() ? "<h2>Change your decision</h2>" : "<h2>Your decision</h2>")
          .append("<label><input type=\"radio\" name=\"decision\" value=\"approved\"> I approve this edition</label>")
          .append("<label><input type=\"radio\" name=\"decision\" value=\"changes-requested\"> I ask for changes</label>")
          .append("<label><input type=\"radio\" name=\"decision\" value=\"reviewed-no-change\"> I have reviewed it and approve it with no change</label>")
          .append("<label for=\"comment\">Comment (what should change, or anything you wish to add)</label><textarea id=\"comment\"></textarea>")
          .append("<button id=\"decide\" type=\"button\" onclick=\"decide()\">Sign my decision with my passkey</button>");
    }
    body.append("<p id=\"outcome\" role=\"status\"></p>");
    body.append("<h2>Who has decided</h2>").append(whoHasDecided(visit, policy));
    return Pages.page(policy.metadata().title(), body.append(Pages.SCRIPT).toString());
  }

  private String secretary(Visit visit, Policy policy, String confirmPath) {
    StringBuilder body = new StringBuilder("<h2>Who has decided</h2>").append(whoHasDecided(visit, policy));
    body.append("<h2>Passkeys to confirm</h2>");
    if (visit.round.enrolments().isEmpty()) {
      body.append("<p>None waiting.</p>");
    }
    for (Keyring.TrustedPasskey passkey : visit.round.enrolments()) {
      String title = policy.office(passkey.office()).map(o -> o.title()).orElse(passkey.office());
      body.append("<form method=\"post\" action=\"").append(esc(confirmPath)).append("\">")
          .append("<p>").append(esc(passkey.name())).append(", ").append(esc(title)).append(": passkey ")
          .append(esc(Passkeys.shortCredential(passkey.credentialId()))).append(". Confirm only if ").append(esc(passkey.name()))
          .append(" told you (in person or by phone) that they have just registered it.</p>")
          .append("<input type=\"hidden\" name=\"credential\" value=\"").append(esc(passkey.credentialId())).append("\">")
          .append("<button type=\"submit\" id=\"confirm-").append(esc(passkey.office())).append("\">Confirm ")
          .append(esc(passkey.name())).append("'s passkey for ").append(esc(title)).append("</button></form>");
    }
    return body.toString();
  }

  /** The status table in the element the page's script replaces after a registration or a decision. */
  private String whoHasDecided(Visit visit, Policy policy) {
    return "<div id=\"who-has-decided\">" + statusTable(visit, policy) + "</div>";
  }

  private String statusTable(Visit visit, Policy policy) {
    ApprovalStatus status = status(visit.policyFile, policy);
    Keyring keyring = keyring(visit.policyFile);
    StringBuilder table = new StringBuilder("<table id=\"round-status\"><tr><th>Office</th><th>Name</th><th>Decision</th></tr>");
    boolean frozenIsCurrent = status.digest().equals(visit.round.digest());
    for (ApprovalRound.Invitation invitation : visit.round.invitations()) {
      String title = policy.office(invitation.office()).map(o -> o.title()).orElse(invitation.office());
      Optional<ApprovalRecord> record = frozenIsCurrent ? status.signatories().stream().filter(s -> s.office().equals(invitation.office()))
          .findFirst().flatMap(ApprovalStatus.SignatoryApproval::record) : Optional.empty();
      String decision = record.map(r -> switch (r.decision()) {
            case APPROVED -> "approved";
            case REVIEWED_NO_CHANGE -> "reviewed, approved with no change";
            case CHANGES_REQUESTED -> "asked for changes";
          } + " on " + longDate(r.date())
              + Approvals.verifiedEvidence(r) + r.comment().map(c -> ": \u201c" + c + "\u201d").orElse(""))
          .orElseGet(() -> keyring.passkeys().stream().anyMatch(p -> p.office().equals(invitation.office())) ? "not yet decided"
              : visit.round.enrolments().stream().anyMatch(p -> p.office().equals(invitation.office())) ? "not yet decided (passkey waits for confirmation)"
              : "not yet decided (no passkey yet)");
      table.append("<tr><td>").append(esc(title)).append("</td><td>").append(esc(invitation.name())).append("</td><td>")
          .append(esc(decision)).append("</td></tr>");
    }
    table.append("</table>");
    if (frozenIsCurrent && status.approved()) {
      table.append("<p class=\"done\" id=\"complete\">Every signatory has approved this edition: it is approved, and the document no longer carries the DRAFT mark.</p>");
    }
    return table.toString();
  }

  private void read(Context ctx) {
    try {
      Visit visit = visit(ctx, false);
      String name = ctx.pathParam("page");
      if (!PAGES.contains(name)) {
        throw new Refusal(404, "There is no page '" + name + "' in the reading room.");
      }
      Policy policy = load(visit.policyFile);
      Optional<Policy> previous = previous(visit.policyFile, policy);
      ApprovalStatus status = status(visit.policyFile, policy);
      // The pack (its PDF above all) is made once per edition, previous edition and approval state, not per page view.
      String key = status.digest() + "|" + previous.map(p -> PolicyDigest.of(p).toString()).orElse("") + "|"
          + status.records().stream().map(c -> c.record().signature() + c.valid()).toList();
      Map<String, byte[]> pack;
      synchronized (packs) {
        pack = packs.get(key);
      }
      if (pack == null) {
        pack = BoardPack.of(DocumentRenderer.standard()).files(policy, SignatureBlock.of(status),
            previous, cases(visit.policyFile, policy), previous.map(p -> cases(file(p), p)).orElse(List.of()));
        synchronized (packs) {
          packs.put(key, pack);
        }
      }
      byte[] bytes = pack.get(name);
      if (bytes == null) {
        throw new Refusal(404, "This edition has no " + name.replace(".html", "") + " page.");
      }
      ctx.contentType(name.endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8").result(bytes);
    } catch (Refusal e) {
      page(ctx, () -> {
        throw e;
      });
    }
  }

  // ---- enrolment ------------------------------------------------------------------------------

  private ObjectNode enrolOptions(Visit visit) {
    ApprovalRound.Invitation invitation = visit.invitation.orElseThrow();
    byte[] challenge = new byte[32];
    random.nextBytes(challenge);
    ceremonies.put(visit.key() + "/enrol", new Ceremony(challenge, Optional.empty(), clock.instant().plusSeconds(CEREMONY_SECONDS)));
    return JSON.createObjectNode().put("challenge", Passkeys.base64Url(challenge)).put("rpId", rpId).put("rpName", "Precept")
        .put("userId", Passkeys.base64Url((visit.round.policy() + "/" + invitation.office()).getBytes(StandardCharsets.UTF_8)))
        .put("userName", invitation.name());
  }

  private ObjectNode enrol(Visit visit, JsonNode answer) {
    ApprovalRound.Invitation invitation = visit.invitation.orElseThrow();
    Ceremony ceremony = take(visit.key() + "/enrol");
    RegistrationData registration;
    try {
      registration = WEBAUTHN.verify(new RegistrationRequest(bytes(answer, "attestationObject"), bytes(answer, "clientDataJSON")),
          new RegistrationParameters(server(ceremony.challenge()), List.of(
              new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
              new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
              new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256)), true, true));
    } catch (VerificationException | DataConversionException | tools.jackson.core.JacksonException e) {
      // A garbled answer (client data that is not JSON comes through as Jackson's exception). The library's words are for the secretary's log, not the trustee's screen.
      throw new Refusal(400, "Your passkey could not be registered: your device's answer could not be checked for this page."
          + " Nothing was recorded. Press the button to try again; if it happens again, tell the secretary.");
    }
    AttestedCredentialData credential = registration.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
    String credentialId = Passkeys.base64Url(credential.getCredentialId());
    String publicKey = Passkeys.base64Url(CONVERTER.getCborMapper().writeValueAsBytes(credential.getCOSEKey()));
    if (keyring(visit.policyFile).passkeyByCredentialId(credentialId).isPresent()) {
      throw new Refusal(409, "This passkey is already enrolled.");
    }
    Keyring.TrustedPasskey passkey = TrustedPasskey.builder().office(invitation.office()).name(invitation.name())
        .credentialId(credentialId).publicKey(publicKey).rpId(rpId).origin(origin).build();
    ApprovalRounds.update(roundFile(visit.policyFile), r -> ApprovalRound.builder().from(r).enrolments(append(r.enrolments(), passkey)).build());
    Visit after = new Visit(ApprovalRounds.read(roundFile(visit.policyFile)), visit.policyFile, visit.invitation);
    return JSON.createObjectNode().put("message", "Your passkey (" + Passkeys.shortCredential(credentialId)
        + ") is registered. The secretary will confirm it once you tell them, in person or by phone, that you have just registered: "
        + "please do so now. Then you can decide on this page.")
        .put("status", statusTable(after, load(visit.policyFile)));
  }

  private String confirm(Context ctx) {
    Visit visit = visit(ctx, false);
    if (visit.invitation.isPresent()) {
      throw new Refusal(403, "Only the secretary's link can confirm a passkey.");
    }
    String credential = Optional.ofNullable(ctx.formParam("credential")).orElse("");
    Keyring.TrustedPasskey passkey = visit.round.enrolments().stream().filter(p -> p.credentialId().equals(credential)).findFirst()
        .orElseThrow(() -> new Refusal(404, "No passkey " + credential + " waits for confirmation in this round."));
    try {
      ApprovalRounds.trust(keyringFile(visit.policyFile), passkey);
    } catch (PolicyException e) {
      throw new Refusal(409, e.getMessage());
    }
    ApprovalRounds.update(roundFile(visit.policyFile), r -> ApprovalRound.builder().from(r)
        .enrolments(r.enrolments().stream().filter(p -> !p.credentialId().equals(credential)).toList()).build());
    ctx.redirect(ctx.path().substring(0, ctx.path().length() - "/confirm".length()));
    return "";
  }

  // ---- decision -------------------------------------------------------------------------------

  private ObjectNode decideOptions(Visit visit, JsonNode request) {
    ApprovalRound.Invitation invitation = visit.invitation.orElseThrow();
    Policy policy = load(visit.policyFile);
    if (!visit.round.digest().equals(PolicyDigest.of(policy).toString())) {
      throw new Refusal(409, changedSinceOpened());
    }
    Decision decision = switch (request.path("decision").asText()) {
      case "approved" -> Decision.APPROVED;
      case "reviewed-no-change" -> Decision.REVIEWED_NO_CHANGE;
      case "changes-requested" -> Decision.CHANGES_REQUESTED;
      default -> throw new Refusal(400, "Choose approve, ask for changes, or reviewed with no change.");
    };
    String comment = request.path("comment").asText("").strip();
    if (decision == Decision.CHANGES_REQUESTED && comment.isEmpty()) {
      throw new Refusal(400, "Say in the comment what should change.");
    }
    List<Keyring.TrustedPasskey> passkeys = keyring(visit.policyFile).passkeys().stream().filter(p -> p.office().equals(invitation.office())).toList();
    if (passkeys.isEmpty()) {
      throw new Refusal(409, "Your passkey has not been confirmed by the secretary yet.");
    }
    ApprovalRecord statement = ApprovalRecord.builder().policy(visit.round.policy()).office(invitation.office()).name(invitation.name())
        .decision(decision).date(LocalDate.now(clock)).minute(visit.round.meeting())
        .comment(comment.isEmpty() ? Optional.empty() : Optional.of(comment)).digest(visit.round.digest()).key("").signature("").build();
    byte[] challenge = Passkeys.challenge(statement);
    ceremonies.put(visit.key() + "/decide", new Ceremony(challenge, Optional.of(statement), clock.instant().plusSeconds(CEREMONY_SECONDS)));
    ObjectNode options = JSON.createObjectNode().put("challenge", Passkeys.base64Url(challenge)).put("rpId", rpId);
    passkeys.forEach(p -> options.withArray("allowCredentials").add(p.credentialId()));
    return options;
  }

  private ObjectNode decide(Visit visit, JsonNode answer) {
    ApprovalRound.Invitation invitation = visit.invitation.orElseThrow();
    Ceremony ceremony = take(visit.key() + "/decide");
    ApprovalRecord statement = ceremony.statement().orElseThrow();
    Policy policy = load(visit.policyFile);
    String credential = answer.path("credentialId").asText();
    Keyring keyring = keyring(visit.policyFile);
    Keyring.TrustedPasskey passkey = keyring.passkeyByCredentialId(credential)
        .orElseThrow(() -> new Refusal(403, "This passkey (" + Passkeys.shortCredential(credential) + ") is not enrolled for this policy: "
            + "your decision was not recorded."));
    if (!passkey.office().equals(invitation.office())) {
      throw new Refusal(403, "This passkey is enrolled for " + title(policy, passkey.office()) + ", not for " + title(policy, invitation.office())
          + ": your decision was not recorded.");
    }
    ApprovalRecord record = Passkeys.record(ApprovalRecord.builder().from(statement).key(passkey.fingerprint()).build(), bytes(answer, "credentialId"),
        bytes(answer, "authenticatorData"), bytes(answer, "clientDataJSON"), bytes(answer, "signature"));
    List<String> problems = Passkeys.problems(record, passkey);
    if (!problems.isEmpty()) {
      throw new Refusal(403, "Your decision was not recorded: " + String.join("; ", problems) + ".");
    }
    if (!visit.round.digest().equals(PolicyDigest.of(policy).toString())) {
      throw new Refusal(409, changedSinceOpened());
    }
    ApprovalRounds.appendRecord(approvalsFile(visit.policyFile), record);
    return JSON.createObjectNode().put("message", "Thank you: your decision is recorded. You " + said(record.decision()) + " on " + longDate(record.date())
        + ", signed with your passkey (" + Passkeys.shortCredential(credential) + ").")
        .put("status", statusTable(visit, policy));
  }

  // ---- files and links --------------------------------------------------------------------------

  private Visit visit(Context ctx, boolean signatoryOnly) {
    String roundId = ctx.pathParam("round");
    String token = ctx.pathParam("token");
    String office = ctx.pathParam("office");
    for (Path roundFile : files(".round.yaml")) {
      ApprovalRound round;
      try {
        round = ApprovalRounds.read(roundFile);
      } catch (PolicyException e) {
        continue; // a broken round file opens no link
      }
      if (!round.id().equals(roundId)) {
        continue;
      }
      Path policyFile = roundFile.resolveSibling(roundFile.getFileName().toString().replace(".round.yaml", ".yaml"));
      if ("secretary".equals(office) && ApprovalRounds.isSecretary(round, token) && !signatoryOnly) {
        return new Visit(round, policyFile, Optional.empty());
      }
      Optional<ApprovalRound.Invitation> invitation = ApprovalRounds.invitation(round, office, token, LocalDate.now(clock));
      if (invitation.isPresent()) {
        return new Visit(round, policyFile, invitation);
      }
      if (round.invitation(office).isPresent() && LocalDate.now(clock).isAfter(round.due())) {
        throw new Refusal(410, "This link expired after " + longDate(round.due()) + ", the round's due date. Ask the secretary.");
      }
      break;
    }
    throw new Refusal(404, "This link is not valid: it is not a link to an open approval round for this person. "
        + "Use the personal link the secretary sent you.");
  }

  private List<Path> files(String suffix) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(library, "*" + suffix)) {
      stream.forEach(found::add);
    } catch (IOException e) {
      throw new Refusal(500, "The library folder cannot be read.");
    }
    found.sort(Comparator.naturalOrder());
    return found;
  }

  private final Map<Policy, Path> editions = new ConcurrentHashMap<>();

  private Policy load(Path policyFile) {
    try {
      Policy policy = PolicyLoader.standard().load(policyFile);
      editions.put(policy, policyFile);
      return policy;
    } catch (PolicyException e) {
      throw new Refusal(503, "The policy cannot be shown at the moment: its file has an error. Nothing was recorded. "
          + "Please tell the secretary, and pass on what the server found: " + e.getMessage());
    }
  }

  private Path file(Policy policy) {
    return editions.get(policy);
  }

  /** The edition in force before this one: the latest other edition of the same policy in the folder whose approval verifies. */
  private Optional<Policy> previous(Path policyFile, Policy policy) {
    Optional<Policy> best = Optional.empty();
    LocalDate bestDate = null;
    for (Path file : files(".yaml")) {
      if (file.equals(policyFile) || file.getFileName().toString().matches(".*\\.(cases|approvals|keyring|round)\\.yaml")) {
        continue;
      }
      try {
        Policy other = PolicyLoader.standard().load(file);
        if (!other.id().equals(policy.id())) {
          continue;
        }
        ApprovalStatus status = status(file, other);
        if (status.approved() && (bestDate == null || status.approvedOn().orElseThrow().isAfter(bestDate))) {
          editions.put(other, file);
          best = Optional.of(other);
          bestDate = status.approvedOn().orElseThrow();
        }
      } catch (RuntimeException notAnEdition) {
        // a file that is not a valid policy is no earlier edition
      }
    }
    return best;
  }

  private static List<PolicyCase> cases(Path policyFile, Policy policy) {
    Path cases = CaseSuite.besidePolicy(policyFile);
    try {
      return Files.isRegularFile(cases) ? CaseSuite.load(cases, policy).cases() : List.of();
    } catch (PolicyException e) {
      return List.of();
    }
  }

  private ApprovalStatus status(Path policyFile, Policy policy) {
    List<ApprovalRecord> records = List.of();
    Path approvals = approvalsFile(policyFile);
    if (Files.isRegularFile(approvals)) {
      records = Approvals.readRecords(PolicyLoader.readFile(approvals, ReadLimits.STANDARD), approvals.toString());
    }
    return ApprovalCheck.verify(policy, records, keyring(policyFile));
  }

  private static Keyring keyring(Path policyFile) {
    Path file = keyringFile(policyFile);
    return Files.isRegularFile(file) ? Approvals.readKeyring(PolicyLoader.readFile(file, ReadLimits.STANDARD), file.toString()) : Keyring.empty();
  }

  static Path approvalsFile(Path policyFile) {
    return sibling(policyFile, ".approvals.yaml");
  }

  static Path keyringFile(Path policyFile) {
    return sibling(policyFile, ".keyring.yaml");
  }

  static Path roundFile(Path policyFile) {
    return sibling(policyFile, ".round.yaml");
  }

  private static Path sibling(Path policyFile, String suffix) {
    return policyFile.resolveSibling(policyFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "") + suffix);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Ceremony take(String key) {
    Ceremony ceremony = ceremonies.remove(key);
    if (ceremony == null || clock.instant().isAfter(ceremony.until())) {
      throw new Refusal(409, "This request has expired or was already used: start again.");
    }
    return ceremony;
  }

  private ServerProperty server(byte[] challenge) {
    return ServerProperty.builder().origin(Origin.create(origin)).rpId(rpId).challenge(new DefaultChallenge(challenge)).build();
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode node = JSON.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw new Refusal(400, "The request is not a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw new Refusal(400, "The request is not JSON.");
    }
  }

  private static byte[] bytes(JsonNode node, String field) {
    try {
      return java.util.Base64.getUrlDecoder().decode(node.path(field).asText(""));
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, "'" + field + "' is not base64url.");
    }
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static String title(Policy policy, String office) {
    return "the " + policy.office(office).map(o -> o.title()).orElse(office);
  }

  private static String longDate(LocalDate date) {
    return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
  }

  private static String link(String href, String title, String note) {
    return "<li><a href=\"" + href + "\">" + esc(title) + "<br><small>" + esc(note) + "</small></a></li>";
  }

  /** A decision in the words of the page: "approved this edition", "asked for changes"... */
  private static String said(Decision decision) {
    return switch (decision) {
      case APPROVED -> "approved this edition";
      case REVIEWED_NO_CHANGE -> "reviewed this edition and approved it with no change";
      case CHANGES_REQUESTED -> "asked for changes";
    };
  }

  /** This person's latest valid decision on the round's edition, while the policy file still holds that edition. */
  private Optional<ApprovalRecord> decision(Visit visit, Policy policy, String office) {
    ApprovalStatus status = status(visit.policyFile, policy);
    if (!status.digest().equals(visit.round.digest())) {
      return Optional.empty();
    }
    return status.signatories().stream().filter(s -> s.office().equals(office)).findFirst().flatMap(ApprovalStatus.SignatoryApproval::record);
  }

  /** What exactly is put to the Board: the edition, its digest as the document's footer prints it, and the edition it replaces. */
  private String whatIsDecided(Visit visit, Policy policy) {
    String digest = PolicyDigest.parse(visit.round.digest()).shortForm();
    String replaces = previous(visit.policyFile, policy)
        .map(p -> " This edition replaces version " + p.metadata().version() + ", approved on "
            + status(file(p), p).approvedOn().map(BoardRoom::longDate).orElse("an earlier date") + ".")
        .orElse(" No earlier approved edition of this policy is in the library.");
    return "Its digest is " + digest + ": the same digest is printed at the foot of every page of the document, and each decision made here signs this digest."
        + replaces;
  }

  private static String changedSinceOpened() {
    return "The policy was changed after this round opened, so it is no longer the edition the round asks you to decide on. "
        + "Nothing can be approved in this round: the secretary must open a new round on the new text.";
  }
}
