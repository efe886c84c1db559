package dev.precept.cli.internal;

import dev.precept.model.Diagnostic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.Ruling;
import dev.precept.eval.Rulings;
import dev.precept.library.Drafts;
import dev.precept.library.Edition;
import dev.precept.library.InForce;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.PolicyLibrary;
import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code precept evaluate FOLDER INCIDENT}: rules under the edition of the folder's policy in force
 * on the incident's date, and says which edition and why.
 */
final class FolderEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FolderEvaluation() {}

  /** The ruling and the edition it was made under. */
  record Result(Ruling ruling, InForce inForce) {}

  static Result rule(Path folder, Path incidentFile, Optional<String> policyId, Drafts drafts) {
    PolicyLibrary library = PolicyLibrary.open(folder);
    String id = policyId.orElseGet(() -> only(library));
    if (library.policy(id).isEmpty()) {
      throw new UsageException(library.inForce(id, LocalDate.MIN).reason());
    }
    byte[] bytes = PolicyLoader.readFile(Inputs.existing(incidentFile), ReadLimits.STANDARD);
    LocatedDocument document = LocatedDocument.read(bytes, incidentFile.toString(), ReadLimits.STANDARD);
    InForce inForce = library.inForce(id, date(document), drafts);
    Edition edition = inForce.edition().orElseThrow(() -> new PolicyException(
        "no edition of " + id + " was in force on the incident's date: " + inForce.reason()));
    Incident incident = IncidentLoader.forPolicy(edition.policy()).read(document, "");
    return new Result(Evaluator.of(edition.policy()).rule(incident), inForce);
  }

  static String text(Result result) {
    return "Edition: " + result.inForce().reason() + "\n\n" + Rulings.toText(result.ruling());
  }

  /** The ruling JSON with an {@code edition} member saying which edition ruled and why. */
  static String json(Result result) {
    try {
      ObjectNode ruling = (ObjectNode) JSON.readTree(Rulings.toJson(result.ruling()));
      Edition edition = result.inForce().edition().orElseThrow();
      ObjectNode node = ruling.putObject("edition");
      node.put("version", edition.version());
      node.put("file", edition.file().toString());
      node.put("digest", edition.digest());
      node.put("inForceFrom", edition.effective().toString());
      node.put("draft", result.inForce().draft());
      node.put("reason", result.inForce().reason());
      return JSON.writeValueAsString(ruling) + "\n";
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not write the ruling as JSON", e);
    }
  }

  private static String only(PolicyLibrary library) {
    List<LibraryPolicy> policies = library.policies();
    if (policies.size() == 1) {
      return policies.get(0).id();
    }
    throw new UsageException(policies.isEmpty() ? "no policy in " + library.folder()
        : "the folder holds several policies (" + String.join(", ", policies.stream().map(LibraryPolicy::id).toList())
            + "): say which with --policy ID");
  }

  private static LocalDate date(LocatedDocument document) {
    String hint = "give the incident's date ('date: 2017-03-01'): it chooses the edition in force";
    Optional<com.fasterxml.jackson.databind.JsonNode> node = document.at("/date");
    if (node.isEmpty() || !node.get().isTextual()) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, node.isEmpty() ? "" : "/date",
          "the incident has no date, so no edition can be chosen", hint)));
    }
    try {
      return LocalDate.parse(node.get().asText());
    } catch (DateTimeParseException e) {
      throw new PolicyValidationException(List.of(document.diagnostic(Diagnostic.INCONSISTENT, "/date", "'" + node.get().asText() + "' is not a date YYYY-MM-DD", hint)));
    }
  }
}
