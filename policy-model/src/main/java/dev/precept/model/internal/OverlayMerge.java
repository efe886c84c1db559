package dev.precept.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.CanonicalJson;
import dev.precept.model.Clause;
import dev.precept.model.DidYouMean;
import dev.precept.model.PolicyDigest;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.Tailoring;
import dev.precept.model.TailoringKind;
import dev.precept.model.Variation;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies an academy's overlay to a master edition: checks it against what the master allows,
 * substitutes the variables as plain text, applies the tailorings on the policy's tree, and
 * validates the result like any policy. Problems are located in the overlay file.
 */
public final class OverlayMerge {
  private OverlayMerge() {}

  /** Checks that need no master: each tailoring does exactly one thing, and no clause is tailored twice over. */
  public static List<Diagnostic> checkShape(Overlay overlay) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Integer> replacedOrRemoved = new HashMap<>();
    for (int i = 0; i < overlay.tailoring().size(); i++) {
      Tailoring t = overlay.tailoring().get(i);
      String at = "/tailoring/" + i;
      int actions = (t.replace().isPresent() ? 1 : 0) + (t.addAfter().isPresent() ? 1 : 0) + (t.remove().isPresent() ? 1 : 0);
      if (actions != 1) {
        problems.add(overlay.problem(at, "tailoring[" + i + "] " + (actions == 0 ? "does nothing" : "does " + actions + " things at once")
            + ": it needs exactly one of replace, addAfter or remove",
            "write one entry per change: '- replace: <clause id>' with text, '- addAfter: <clause id>' with clause, or '- remove: <clause id>'"));
        continue;
      }
      switch (t.kind()) {
        case REPLACE:
          if (t.text().isEmpty()) {
            problems.add(overlay.problem(at, "replacing clause '" + t.target() + "' needs the new 'text'", "add 'text:' with the academy's wording"));
          }
          if (t.clause().isPresent()) {
            problems.add(overlay.problem(at + "/clause", "'clause' goes with addAfter, not replace", "give only 'text' to replace a clause's wording"));
          }
          break;
        case ADD_AFTER:
          if (t.clause().isEmpty()) {
            problems.add(overlay.problem(at, "adding a clause after '" + t.target() + "' needs the 'clause'", "add 'clause:' with id, kind and text"));
          }
          if (t.text().isPresent()) {
            problems.add(overlay.problem(at + "/text", "'text' goes with replace; an added clause has its text inside 'clause'", "move the text into clause.text"));
          }
          break;
        default:
          if (t.text().isPresent() || t.clause().isPresent()) {
            problems.add(overlay.problem(at + (t.text().isPresent() ? "/text" : "/clause"),
                "removing clause '" + t.target() + "' takes no text or clause", "leave only 'remove' and, if you like, 'reason'"));
          }
          break;
      }
      if (t.kind() != TailoringKind.ADD_AFTER) {
        Integer earlier = replacedOrRemoved.putIfAbsent(t.target(), i);
        if (earlier != null) {
          problems.add(overlay.problem(at, "clause '" + t.target() + "' is already tailored by tailoring[" + earlier + "]",
              "replace or remove a clause once"));
        }
      }
    }
    return problems;
  }

  /** The edition of the master the overlay names, among editions. */
  public static Policy namedEdition(Overlay overlay, Collection<Policy> editions) {
    List<Policy> ofPolicy = editions.stream().filter(p -> p.id().equals(overlay.master().policy())).toList();
    if (ofPolicy.isEmpty()) {
      Set<String> ids = editions.stream().map(Policy::id).collect(Collectors.toCollection(LinkedHashSet::new));
      throw new PolicyValidationException(List.of(overlay.problem("/master/policy",
          "there is no master policy '" + overlay.master().policy() + "'", DidYouMean.hint(overlay.master().policy(), ids, "policies"))));
    }
    return ofPolicy.stream().filter(p -> p.metadata().version().equals(overlay.master().edition())).findFirst()
        .orElseThrow(() -> new PolicyValidationException(List.of(overlay.problem("/master/edition",
            "master policy '" + overlay.master().policy() + "' has no edition '" + overlay.master().edition() + "'",
            "its editions: " + ofPolicy.stream().map(p -> p.metadata().version()).sorted().collect(Collectors.joining(", "))))));
  }

  /** The academy's policy; see {@link Overlay#applyTo(Policy)}. */
  public static Policy merge(Overlay overlay, Policy master, Optional<Policy> writtenAgainst) {
    List<Diagnostic> problems = new ArrayList<>();
    if (!master.id().equals(overlay.master().policy())) {
      throw failure(List.of(overlay.problem("/master/policy",
          "this overlay is for policy '" + overlay.master().policy() + "', not '" + master.id() + "'",
          "apply it to an edition of '" + overlay.master().policy() + "'")));
    }
    Variation variation = master.variation().orElse(null);
    if (variation == null) {
      throw failure(List.of(overlay.problem("/master/policy",
          "policy '" + master.id() + "' edition " + master.metadata().version() + " is not a master: it declares no variation",
          "the trust adds 'variation:' (variables and tailorable clauses) to the policy before academies can overlay it")));
    }
    Map<String, String> values = variables(overlay, variation, problems);
    boolean variablesApply = problems.isEmpty();
    Map<String, Clause> masterClauses = new LinkedHashMap<>();
    master.allClauses().forEach(c -> masterClauses.put(c.id(), c));
    Set<String> added = new LinkedHashSet<>();
    List<Integer> applicable = new ArrayList<>();
    for (int i = 0; i < overlay.tailoring().size(); i++) {
      int before = problems.size();
      tailoring(overlay, i, master, variation, masterClauses, added, writtenAgainst, problems);
      if (problems.size() == before) {
        applicable.add(i);
      }
    }
    if (!problems.isEmpty()) {
      if (variablesApply) {
        problems.addAll(problemsOfTheRest(overlay, master, values, applicable));
      }
      throw failure(problems);
    }
    Map<String, String> overlayPointerOf = new HashMap<>();
    ObjectNode tree = merged(overlay, master, values, applicable, overlayPointerOf);
    ObjectNode derivation = tree.putObject("derivedFrom");
    derivation.put("policy", master.id());
    derivation.put("edition", master.metadata().version());
    derivation.put("digest", PolicyDigest.of(master).toString());
    derivation.put("academy", overlay.academy());
    derivation.put("tailoringDigest", tailoringDigest(overlay, master).toString());
    return validate(tree, overlay, overlayPointerOf);
  }

  /** The master with the given tailorings applied and the variables put in. */
  private static ObjectNode merged(Overlay overlay, Policy master, Map<String, String> values, List<Integer> tailorings,
      Map<String, String> overlayPointerOf) {
    ObjectNode tree = Mappers.json().valueToTree(master);
    tree.remove("variation");
    for (int i : tailorings) {
      apply(tree, overlay, i, overlayPointerOf);
    }
    Placeholders.substituteAll(tree, values);
    return tree;
  }

  /**
   * The problems of the tailorings that do apply, found by merging them without the ones already
   * refused, so that a clerk sees every mistake in the overlay at once: only problems located in
   * the overlay's own tailoring are kept, since the others may follow from what was left out.
   */
  private static List<Diagnostic> problemsOfTheRest(Overlay overlay, Policy master, Map<String, String> values, List<Integer> applicable) {
    if (applicable.isEmpty()) {
      return List.of();
    }
    try {
      Map<String, String> overlayPointerOf = new HashMap<>();
      validate(merged(overlay, master, values, applicable, overlayPointerOf), overlay, overlayPointerOf);
      return List.of();
    } catch (PolicyValidationException e) {
      return e.diagnostics().stream().filter(d -> d.pointer().startsWith("/tailoring/")).toList();
    }
  }

  private static Map<String, String> variables(Overlay overlay, Variation variation, List<Diagnostic> problems) {
    Map<String, String> values = new TreeMap<>();
    Set<String> declared = variation.variables().stream().map(Variation.Variable::id).collect(Collectors.toCollection(LinkedHashSet::new));
    overlay.variables().forEach((name, value) -> {
      String at = "/variables/" + LocatedTreeReader.escape(name);
      if (!declared.contains(name)) {
        problems.add(overlay.problem(at, "variable '" + name + "' is not one the master declares", DidYouMean.hint(name, declared, "its variables")));
      } else if (value.contains("{{") || value.contains("}}") || value.contains("\n") || value.contains("*")) {
        problems.add(overlay.problem(at, "the value of '" + name + "' must be plain text on one line",
            "leave out line breaks, '*' and '{{ }}': a variable's value is put into the text as it is"));
      } else {
        values.put(name, value.strip());
      }
    });
    // A misspelt variable is reported once, as misspelt, not again as the one it stands for left unset.
    Set<String> meant = overlay.variables().keySet().stream().filter(name -> !declared.contains(name))
        .flatMap(name -> DidYouMean.closest(name, declared).stream().limit(1)).collect(Collectors.toSet());
    for (Variation.Variable variable : variation.variables()) {
      if (!overlay.variables().containsKey(variable.id())) {
        if (variable.defaultValue().isPresent()) {
          values.put(variable.id(), variable.defaultValue().get());
        } else if (!meant.contains(variable.id())) {
          problems.add(overlay.problem(overlay.variables().isEmpty() ? "" : "/variables",
              "variable '" + variable.id() + "' (" + variable.title() + ") is not set",
              "add it under variables, e.g. '" + variable.id() + ": " + variable.example().orElse("...") + "'"));
        }
      }
    }
    return values;
  }

  private static void tailoring(Overlay overlay, int i, Policy master, Variation variation, Map<String, Clause> masterClauses,
      Set<String> added, Optional<Policy> writtenAgainst, List<Diagnostic> problems) {
    Tailoring t = overlay.tailoring().get(i);
    String at = "/tailoring/" + i;
    String key = at + "/" + (t.kind() == TailoringKind.REPLACE ? "replace" : t.kind() == TailoringKind.ADD_AFTER ? "addAfter" : "remove");
    String edition = master.metadata().version();
    if (!masterClauses.containsKey(t.target())) {
      if (writtenAgainst.isPresent() && writtenAgainst.get().clause(t.target()).isPresent()) {
        problems.add(overlay.problem(key, "clause '" + t.target() + "' was removed in master edition " + edition
                + "; it was in " + writtenAgainst.get().metadata().version() + ", which this overlay names",
            "drop this tailoring, or tailor the clause that took its place, and have the local governing body approve it"));
      } else {
        problems.add(overlay.problem(key, "master edition " + edition + " has no clause '" + t.target() + "'",
            DidYouMean.hint(t.target(), variation.tailorable().stream().map(Variation.Tailorable::clause).toList(), "clauses academies may tailor")));
      }
      return;
    }
    List<TailoringKind> allowed = variation.allowed(t.target());
    if (!allowed.contains(t.kind())) {
      String verb = t.kind() == TailoringKind.REPLACE ? "replace the text of" : t.kind() == TailoringKind.ADD_AFTER ? "add a clause after" : "remove";
      problems.add(overlay.problem(key, "clause '" + t.target() + "' is locked"
              + (allowed.isEmpty() ? "" : " against this") + ": the master does not let an academy " + verb + " it",
          allowed.isEmpty() ? "clauses academies may tailor: " + variation.tailorable().stream()
              .map(x -> x.clause() + " (" + x.allow().stream().map(TailoringKind::word).collect(Collectors.joining(", ")) + ")")
              .collect(Collectors.joining("; "))
              : "the master lets an academy " + allowed.stream().map(TailoringKind::word).collect(Collectors.joining(" or ")) + " it"));
    }
    Set<String> declared = variation.variables().stream().map(Variation.Variable::id).collect(Collectors.toSet());
    t.text().ifPresent(text -> localPlaceholders(overlay, at + "/text", text, declared, problems));
    t.clause().ifPresent(clause -> {
      if (masterClauses.containsKey(clause.id()) || !added.add(clause.id())) {
        problems.add(overlay.problem(at + "/clause/id", "clause id '" + clause.id() + "' is already taken"
                + (masterClauses.containsKey(clause.id()) ? " by a clause of the master" : " by another added clause"),
            "give the academy's clause an id of its own, e.g. '" + clause.id() + ".local'"));
      }
      JsonNode tree = Mappers.json().valueToTree(clause);
      Placeholders.visitStrings(tree, at + "/clause", false, (pointer, value, prose) -> {
        if (prose) {
          localPlaceholders(overlay, pointer, value, declared, problems);
        }
      });
    });
  }

  private static void localPlaceholders(Overlay overlay, String pointer, String text, Set<String> declared, List<Diagnostic> problems) {
    for (Placeholders.Use use : Placeholders.uses(text)) {
      if (!use.wellFormed() || !declared.contains(use.name())) {
        problems.add(overlay.problem(pointer, "{{" + use.name() + "}} is not a variable of the master",
            declared.isEmpty() ? "the master declares no variables" : DidYouMean.hint(use.name(), declared, "its variables")));
      }
    }
  }

  private static void apply(ObjectNode tree, Overlay overlay, int i, Map<String, String> overlayPointerOf) {
    Tailoring t = overlay.tailoring().get(i);
    ArrayNode[] holder = new ArrayNode[1];
    int index = find((ArrayNode) tree.get("sections"), t.target(), holder);
    ArrayNode list = holder[0];
    ObjectNode origin = Mappers.json().createObjectNode();
    origin.put("tailoring", t.kind() == TailoringKind.REPLACE ? "replace" : "add-after");
    origin.put("academy", overlay.academy());
    t.reason().ifPresent(r -> origin.put("reason", r));
    switch (t.kind()) {
      case REPLACE: {
        ObjectNode clause = (ObjectNode) list.get(index);
        clause.put("text", t.text().orElseThrow());
        clause.set("origin", origin);
        overlayPointerOf.put(t.target(), "/tailoring/" + i);
        break;
      }
      case ADD_AFTER: {
        ObjectNode clause = Mappers.json().valueToTree(t.clause().orElseThrow());
        clause.set("origin", origin);
        int at = index + 1;
        while (at < list.size() && list.get(at).has("origin")
            && "add-after".equals(list.get(at).get("origin").get("tailoring").asText())) {
          at++; // several clauses added after one clause keep the order written
        }
        list.insert(at, clause);
        overlayPointerOf.put(t.clause().orElseThrow().id(), "/tailoring/" + i + "/clause");
        break;
      }
      default:
        list.remove(index);
        break;
    }
  }

  /** The index of the clause with this id, and (in holder[0]) the list holding it. */
  private static int find(ArrayNode sections, String id, ArrayNode[] holder) {
    for (JsonNode section : sections) {
      ArrayNode clauses = (ArrayNode) section.get("clauses");
      for (int c = 0; c < clauses.size(); c++) {
        if (clauses.get(c).get("id").asText().equals(id)) {
          holder[0] = clauses;
          return c;
        }
        JsonNode items = clauses.get(c).get("items");
        if (items != null) {
          for (int k = 0; k < items.size(); k++) {
            if (items.get(k).get("id").asText().equals(id)) {
              holder[0] = (ArrayNode) items;
              return k;
            }
          }
        }
      }
    }
    throw new IllegalStateException("clause checked present but not found: " + id);
  }

  /** Validates the merged tree like a policy file, reporting problems where the overlay caused them. */
  private static Policy validate(ObjectNode tree, Overlay overlay, Map<String, String> overlayPointerOf) {
    for (JsonNode section : tree.get("sections")) {
      for (JsonNode clause : section.get("clauses")) {
        if (clause.has("items") && clause.get("items").isEmpty()) {
          ((ObjectNode) clause).remove("items");
        }
      }
    }
    byte[] json;
    try {
      json = Mappers.json().writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new PolicyException("could not write the academy's policy", e);
    }
    String source = overlay.document().map(LocatedDocument::source).orElse("overlay for " + overlay.academy());
    LocatedDocument merged = LocatedDocument.read(json, source + " (merged)", ReadLimits.STANDARD);
    Map<String, String> mergedPointerToOverlay = new LinkedHashMap<>();
    JsonNode sections = tree.get("sections");
    for (int s = 0; s < sections.size(); s++) {
      JsonNode clauses = sections.get(s).get("clauses");
      for (int c = 0; c < clauses.size(); c++) {
        String at = "/sections/" + s + "/clauses/" + c;
        mapLocal(clauses.get(c), at, overlayPointerOf, mergedPointerToOverlay);
        JsonNode items = clauses.get(c).get("items");
        for (int k = 0; items != null && k < items.size(); k++) {
          mapLocal(items.get(k), at + "/items/" + k, overlayPointerOf, mergedPointerToOverlay);
        }
      }
    }
    List<Diagnostic> problems = new ArrayList<>(dev.precept.model.SchemaValidator.policy().check(merged));
    Policy policy = null;
    if (problems.isEmpty()) {
      try {
        policy = Mappers.json().treeToValue(tree, Policy.class);
        problems.addAll(SemanticCheck.check(policy, merged));
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        problems.add(merged.diagnostic(Diagnostic.YAML_SYNTAX, "", "the academy's policy could not be read: " + e.getMessage(), null));
      }
    }
    if (problems.isEmpty()) {
      return policy;
    }
    List<Diagnostic> located = new ArrayList<>();
    for (Diagnostic problem : problems) {
      located.add(relocate(problem, overlay, mergedPointerToOverlay));
    }
    throw failure(located);
  }

  private static void mapLocal(JsonNode clause, String mergedPointer, Map<String, String> overlayPointerOf, Map<String, String> out) {
    String overlayPointer = overlayPointerOf.get(clause.get("id").asText());
    if (overlayPointer != null && clause.has("origin")) {
      out.put(mergedPointer, overlayPointer);
    }
  }

  private static Diagnostic relocate(Diagnostic problem, Overlay overlay, Map<String, String> mergedPointerToOverlay) {
    String pointer = problem.pointer();
    // A line of the merged policy means nothing in the overlay: the merged policy is never a file.
    problem = Diagnostic.builder().from(problem).message(problem.message().replaceAll(" \\(line \\d+\\)", "")).build();
    for (Map.Entry<String, String> local : mergedPointerToOverlay.entrySet()) {
      if (pointer.equals(local.getKey()) || pointer.startsWith(local.getKey() + "/")) {
        String rest = pointer.substring(local.getKey().length());
        String target = local.getValue().endsWith("/clause") ? local.getValue() + rest
            : local.getValue() + (rest.startsWith("/text") ? "/text" : "");
        return overlay.problem(target, problem.message(), problem.hint().orElse(null));
      }
    }
    return overlay.problem("", "the academy's policy " + problem.message() + " (at " + pointer + " of the merged policy)",
        problem.hint().orElse(null));
  }

  /** The tailorings whose master clause changed between two editions. */
  public static List<Diagnostic> changedUnderneath(Overlay overlay, Policy writtenAgainst, Policy current) {
    List<Diagnostic> problems = new ArrayList<>();
    String was = writtenAgainst.metadata().version();
    String now = current.metadata().version();
    for (int i = 0; i < overlay.tailoring().size(); i++) {
      Tailoring t = overlay.tailoring().get(i);
      String at = "/tailoring/" + i;
      Optional<Clause> before = writtenAgainst.clause(t.target());
      Optional<Clause> after = current.clause(t.target());
      if (after.isEmpty()) {
        problems.add(overlay.problem(at, "clause '" + t.target() + "' is not in master edition " + now
            + (before.isPresent() ? " (it was in " + was + ", which this overlay names)" : ""),
            "drop or move this tailoring and have the local governing body approve the change"));
      } else if (before.isPresent() && !Mappers.json().valueToTree(before.get()).equals(Mappers.json().valueToTree(after.get()))
          && later(writtenAgainst, current)) {
        // The clerk moved the overlay to the next edition ahead of the Board's approval of it.
        problems.add(overlay.problem(at, "clause '" + t.target() + "' reads differently in master edition " + now
                + ", from which the academy's document is made, than in the later edition " + was + " that this overlay names;"
                + " in " + now + " it reads: " + after.get().text().strip(),
            "nothing to undo if " + was + " awaits the Board's approval: this clears when it comes into force;"
                + " until then the academy's document is made from " + now));
      } else if (before.isPresent() && !Mappers.json().valueToTree(before.get()).equals(Mappers.json().valueToTree(after.get()))) {
        problems.add(overlay.problem(at, "clause '" + t.target() + "' changed in master edition " + now + " since " + was
                + ", which this overlay was written against; it now reads: " + after.get().text().strip(),
            "review the tailoring with the local governing body, then set master.edition to \"" + now + "\""));
      } else if (!current.variation().map(v -> v.allowed(t.target())).orElse(List.of()).contains(t.kind())) {
        problems.add(overlay.problem(at, "master edition " + now + " no longer lets an academy "
            + t.kind().word() + " clause '" + t.target() + "'", "drop this tailoring"));
      }
    }
    return problems;
  }

  /** Whether one edition comes after another: by its effective date, or its drafting date when it has none. */
  private static boolean later(Policy edition, Policy than) {
    LocalDate a = edition.metadata().dates().effective().orElse(edition.metadata().dates().drafted());
    LocalDate b = than.metadata().dates().effective().orElse(than.metadata().dates().drafted());
    return a.isAfter(b);
  }

  /** See {@link Overlay#tailoringDigest(Policy)}. */
  public static PolicyDigest tailoringDigest(Overlay overlay, Policy master) {
    ObjectNode tree = Mappers.json().createObjectNode();
    tree.put("policy", overlay.master().policy());
    tree.put("academy", overlay.academy());
    tree.set("variables", Mappers.json().valueToTree(new TreeMap<>(overlay.variables())));
    tree.set("tailoring", Mappers.json().valueToTree(overlay.tailoring()));
    ObjectNode clauses = tree.putObject("masterClauses");
    for (Tailoring t : overlay.tailoring()) {
      master.clause(t.target()).ifPresent(c -> clauses.set(t.target(), Mappers.json().valueToTree(c)));
    }
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.bytes(tree));
      return PolicyDigest.parse("sha256:" + HexFormat.of().formatHex(sha));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static PolicyValidationException failure(List<Diagnostic> problems) {
    List<Diagnostic> sorted = new ArrayList<>(problems);
    sorted.sort(Diagnostic.IN_READING_ORDER);
    return new PolicyValidationException(sorted);
  }
}
