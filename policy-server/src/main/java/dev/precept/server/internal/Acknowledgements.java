package dev.precept.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.library.Drafts;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.LibraryPolicy;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.model.Diagnostic;
import dev.precept.model.DidYouMean;
import dev.precept.model.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Acknowledgements of editions by people on the roster, and the report of who has not. */
final class Acknowledgements {
  private Acknowledgements() {}

  private static Diagnostic at(String pointer, String message, String hint) {
    return Diagnostic.builder().code(Diagnostic.INCONSISTENT).source("request body").line(0).column(0).pointer(pointer).message(message)
        .hint(Optional.ofNullable(hint)).build();
  }

  /** Records {@code {"person", "policy", "digest"}}, refusing anything that does not name a roster person and an edition. */
  static ObjectNode record(ServerCore core, JsonNode body, String via) {
    List<Diagnostic> problems = new ArrayList<>();
    String person = text(body, "person", problems);
    String policyId = text(body, "policy", problems);
    String digest = text(body, "digest", problems);
    Optional<Roster.Person> who = person == null ? Optional.empty() : core.roster.find(person);
    if (person != null && who.isEmpty()) {
      problems.add(at("/person", "'" + person + "' is not on the roster", "import the roster first: precept people import"));
    }
    Optional<LibraryPolicy> policy = policyId == null ? Optional.empty() : core.library.library().policy(policyId);
    if (policyId != null && policy.isEmpty()) {
      problems.add(at("/policy", "there is no policy '" + policyId + "'", null));
    }
    Optional<Edition> edition = policy.flatMap(p -> p.edition(digest == null ? "" : digest));
    if (policy.isPresent() && digest != null && edition.isEmpty()) {
      problems.add(at("/digest", "no edition of " + policyId + " has digest " + digest, "acknowledge the edition read: its digest is in GET /v1/policies/" + policyId));
    }
    if (edition.isPresent() && !edition.get().approval().approved() && core.library.drafts() == Drafts.REFUSED) {
      problems.add(at("/digest", "edition " + edition.get().version() + " is not approved, so it cannot be acknowledged", null));
    }
    if (!problems.isEmpty()) {
      throw new ProblemException(400, "invalid-acknowledgement", "The acknowledgement is not valid",
          problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the acknowledgement", problems);
    }
    Edition e = edition.orElseThrow();
    Roster.Acknowledgement ack = core.roster.acknowledge(person, policyId, e.version(), e.digest(), via);
    return Json.object().put("id", ack.id()).put("person", person).put("policy", policyId).put("version", e.version())
        .put("digest", e.digest()).put("at", ack.at());
  }

  private static String text(JsonNode body, String field, List<Diagnostic> problems) {
    JsonNode node = body == null ? null : body.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      problems.add(at("/" + field, "'" + field + "' is needed, as a string", null));
      return null;
    }
    return node.asText();
  }

  /** Whether a person's roles bring them under the policy. */
  static boolean inScope(Roster.Person person, Edition edition) {
    Set<String> roles = edition.policy().roles().stream().map(Role::id).collect(Collectors.toSet());
    return person.roles().stream().anyMatch(roles::contains);
  }

  /** Who in scope of the edition in force has acknowledged it, whose acknowledgement is outdated, and who has not. */
  static ObjectNode report(ServerCore core, LibraryPolicy policy, Optional<String> role, Optional<String> academy) {
    InForce inForce = core.library.library().inForce(policy.id(), LocalDate.now(core.clock), core.library.drafts());
    Edition edition = inForce.edition().orElseThrow(() -> new ProblemException(422, "no-edition-in-force",
        "No edition in force", inForce.reason()));
    List<String> declared = edition.policy().roles().stream().map(Role::id).toList();
    if (role.isPresent() && !declared.contains(role.get())) {
      throw new ProblemException(400, "invalid-parameter", "Invalid parameter", "role '" + role.get() + "' is not a role "
          + policy.id() + " " + edition.version() + " declares: " + DidYouMean.hint(role.get(), declared, "its roles"));
    }
    Map<String, List<Roster.Acknowledgement>> acks = core.roster.acknowledgements(policy.id());
    ObjectNode body = Json.object();
    body.put("policy", policy.id());
    body.putObject("edition").put("version", edition.version()).put("digest", edition.digest());
    ArrayNode people = Json.mapper().createArrayNode();
    int[] counts = new int[3];
    for (Roster.Person p : core.roster.everyone()) {
      if (!inScope(p, edition) || role.filter(r -> !p.roles().contains(r)).isPresent()
          || academy.filter(a -> !a.equals(p.academy())).isPresent()) {
        continue;
      }
      List<Roster.Acknowledgement> mine = acks.getOrDefault(p.id(), List.of());
      Optional<Roster.Acknowledgement> current = mine.stream().filter(a -> a.digest().equals(edition.digest())).findFirst();
      Optional<Roster.Acknowledgement> earlier = mine.stream().filter(a -> !a.digest().equals(edition.digest())).reduce((a, b) -> b);
      ObjectNode row = people.addObject().put("id", p.id()).put("name", p.name()).put("academy", p.academy());
      ArrayNode roles = row.putArray("roles");
      p.roles().forEach(roles::add);
      if (current.isPresent()) {
        row.put("status", "acknowledged").put("at", current.get().at());
        counts[0]++;
      } else if (earlier.isPresent()) {
        row.put("status", "outdated").put("acknowledgedVersion", earlier.get().version()).put("at", earlier.get().at());
        counts[1]++;
      } else {
        row.put("status", "not acknowledged");
        counts[2]++;
      }
    }
    body.put("inScope", counts[0] + counts[1] + counts[2]);
    body.put("acknowledged", counts[0]);
    body.put("outdated", counts[1]);
    body.put("notAcknowledged", counts[2]);
    body.set("people", people);
    return body;
  }
}
