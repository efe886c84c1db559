package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.precept.model.ClauseException;
import dev.precept.model.DidYouMean;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Modality;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.SchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A policy's cases: incidents with the rulings expected, kept beside the policy as
 * {@code <policy>.cases.yaml}, run like tests.
 *
 * <pre>{@code
 * CaseSuite suite = CaseSuite.load(Path.of("social-media-policy.cases.yaml"), policy);
 * CaseReport report = suite.run(Evaluator.of(policy));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class CaseSuite {
  private static final SchemaValidator SCHEMA = new SchemaValidator(IncidentLoader.resource("cases.schema.json"));

  private final Policy policy;
  private final List<PolicyCase> cases;

  private CaseSuite(Policy policy, List<PolicyCase> cases) {
    this.policy = policy;
    this.cases = List.copyOf(cases);
  }

  /** The cases file conventionally kept beside a policy file. */
  public static Path besidePolicy(Path policyFile) {
    String name = policyFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return policyFile.resolveSibling(name + ".cases.yaml");
  }

  /**
   * Reads and checks a cases file against the policy.
   *
   * @throws PolicyValidationException listing every problem in the file
   */
  public static CaseSuite load(Path file, Policy policy) {
    byte[] bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
    return read(LocatedDocument.read(bytes, file.toString(), ReadLimits.STANDARD), policy);
  }

  /**
   * Checks a cases document already read.
   *
   * @throws PolicyValidationException listing every problem in it
   */
  public static CaseSuite read(LocatedDocument document, Policy policy) {
    List<Diagnostic> problems = new ArrayList<>(SCHEMA.check(document));
    IncidentLoader incidents = IncidentLoader.forPolicy(policy);
    if (!problems.isEmpty()) {
      // Every problem at once: the incidents' unknown roles and facts beside the schema's complaints.
      Set<String> seen = problems.stream().map(Diagnostic::describe).collect(Collectors.toSet());
      JsonNode all = document.root().path("cases");
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).path("incident").isObject()) {
          incidents.check(document, "/cases/" + i + "/incident").stream()
              .filter(d -> d.isError() && seen.add(d.describe())).forEach(problems::add);
        }
      }
      throw fail(problems);
    }
    Set<String> clauseIds = policy.allClauses().stream().map(c -> c.id()).collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> consequenceIds = policy.consequences().stream().map(c -> c.id()).collect(Collectors.toCollection(LinkedHashSet::new));
    List<PolicyCase> cases = new ArrayList<>();
    JsonNode list = document.root().get("cases");
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "/cases/" + i;
      JsonNode node = list.get(i);
      String name = node.get("name").asText();
      if (!names.add(name)) {
        problems.add(document.diagnostic(Diagnostic.DUPLICATE_ID, at + "/name", "another case is already named '" + name + "'", "give each case its own name"));
      }
      List<Diagnostic> incidentProblems = incidents.check(document, at + "/incident").stream()
          .filter(Diagnostic::isError).collect(Collectors.toList());
      problems.addAll(incidentProblems);
      JsonNode expect = node.get("expect");
      Map<String, Outcome> clauses = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = expect.path("clauses").properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!clauseIds.contains(field.getKey())) {
          problems.add(document.diagnostic(Diagnostic.UNKNOWN_CLAUSE, at + "/expect/clauses/" + field.getKey(), "unknown clause '" + field.getKey() + "'",
              DidYouMean.hint(field.getKey(), clauseIds, "declared clauses")));
        }
        clauses.put(field.getKey(), outcome(field.getValue().asText()));
      }
      Optional<List<PolicyCase.Expected>> consequences = Optional.empty();
      if (expect.has("consequences")) {
        List<PolicyCase.Expected> expected = new ArrayList<>();
        JsonNode items = expect.get("consequences");
        for (int c = 0; c < items.size(); c++) {
          JsonNode item = items.get(c);
          String id = item.get("id").asText();
          if (!consequenceIds.contains(id)) {
            problems.add(document.diagnostic(Diagnostic.UNKNOWN_CONSEQUENCE, at + "/expect/consequences/" + c + "/id", "unknown consequence '" + id + "'",
                DidYouMean.hint(id, consequenceIds, "declared consequences")));
          }
          expected.add(ImmutableExpected.of(id,
              item.get("modality").asText().equals("must") ? Modality.MUST : Modality.MAY,
              item.get("status").asText().equals("applies") ? ConsequenceRuling.Status.APPLIES : ConsequenceRuling.Status.CONDITIONAL));
        }
        consequences = Optional.of(expected);
      }
      Optional<List<String>> unspecified = Optional.empty();
      if (expect.has("unspecified")) {
        List<String> ids = new ArrayList<>();
        expect.get("unspecified").forEach(n -> ids.add(n.asText()));
        unspecified = Optional.of(ids);
      }
      List<String> phrases = new ArrayList<>();
      expect.path("says").forEach(n -> phrases.add(n.asText()));
      Optional<List<String>> diagnostics = Optional.empty();
      if (expect.has("diagnostics")) {
        List<String> expected = new ArrayList<>();
        expect.get("diagnostics").forEach(n -> expected.add(n.asText()));
        diagnostics = Optional.of(expected);
      }
      if (incidentProblems.isEmpty()) {
        Diagnostic where = document.diagnostic(Diagnostic.MISSING, at, "-", null);
        cases.add(PolicyCase.builder()
            .name(name)
            .location(where.source() + ":" + where.line())
            .incident(incidents.read(document, at + "/incident"))
            .expectedClauses(clauses)
            .expectedConsequences(consequences)
            .expectedUnspecified(unspecified)
            .expectedPhrases(phrases)
            .expectedDiagnostics(diagnostics)
            .build());
      }
    }
    if (!problems.isEmpty()) {
      throw fail(problems);
    }
    return new CaseSuite(policy, cases);
  }

  /** A suite of cases already read, for this policy. */
  public static CaseSuite of(Policy policy, List<PolicyCase> cases) {
    return new CaseSuite(policy, cases);
  }

  /** The cases, in file order. */
  public List<PolicyCase> cases() {
    return cases;
  }

  /** Runs every case and measures what they leave unexercised. */
  public CaseReport run(Evaluator evaluator) {
    List<CaseResult> results = new ArrayList<>();
    Set<String> concerned = new LinkedHashSet<>();
    Set<String> excusedBy = new LinkedHashSet<>();
    Set<String> reached = new LinkedHashSet<>();
    for (PolicyCase policyCase : cases) {
      Ruling ruling = evaluator.rule(policyCase.incident());
      ruling.clauses().forEach(c -> {
        concerned.add(c.clause());
        if (c.outcome() == Outcome.EXCUSED) {
          c.exception().ifPresent(excusedBy::add);
        }
      });
      ruling.consequences().forEach(c -> reached.add(c.consequence()));
      results.add(CaseResult.builder().policyCase(policyCase).ruling(ruling)
          .differences(differences(policyCase, ruling)).build());
    }
    return CaseReport.builder()
        .results(results)
        .clausesNotExercised(policy.allClauses().stream().map(c -> c.id()).filter(id -> !concerned.contains(id)).toList())
        .exceptionsNotExercised(policy.allClauses().stream().flatMap(c -> c.exceptions().stream())
            .map(ClauseException::id).filter(id -> !excusedBy.contains(id)).toList())
        .consequencesNotExercised(policy.consequences().stream().map(c -> c.id()).filter(id -> !reached.contains(id)).toList())
        .build();
  }

  static List<String> differences(PolicyCase policyCase, Ruling ruling) {
    List<String> differences = new ArrayList<>();
    policyCase.expectedClauses().forEach((clause, expected) -> {
      Optional<ClauseRuling> actual = ruling.clause(clause);
      if (actual.isEmpty()) {
        differences.add("clause " + clause + ": expected " + expected.word() + ", but the incident does not concern it");
      } else if (actual.get().outcome() != expected) {
        differences.add("clause " + clause + ": expected " + expected.word() + ", got " + actual.get().outcome().word()
            + " (" + actual.get().reason() + ")");
      }
    });
    policyCase.expectedConsequences().ifPresent(expected -> {
      List<String> want = expected.stream().map(PolicyCase.Expected::describe).toList();
      List<String> got = ruling.consequences().stream()
          .map(c -> ImmutableExpected.of(c.consequence(), c.modality(), c.status()).describe()).toList();
      if (!want.equals(got)) {
        differences.add("consequences differ (- expected, + got):");
        Patch<String> patch = DiffUtils.diff(want, got);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
          delta.getSource().getLines().forEach(l -> differences.add("  - " + l));
          delta.getTarget().getLines().forEach(l -> differences.add("  + " + l));
        }
      }
    });
    policyCase.expectedUnspecified().ifPresent(expected -> {
      if (!expected.equals(ruling.unspecified())) {
        differences.add("unspecified: expected " + expected + ", got " + ruling.unspecified());
      }
    });
    if (!policyCase.expectedPhrases().isEmpty()) {
      // The text as one line: quotes wrapped over several "> " lines are read as one.
      String text = Rulings.toText(ruling).replace("\n  > ", " ").replaceAll("\\s+", " ");
      for (String phrase : policyCase.expectedPhrases()) {
        if (!text.contains(phrase.replaceAll("\\s+", " "))) {
          differences.add("the ruling does not say \"" + phrase + "\"");
        }
      }
    }
    if (policyCase.expectedDiagnostics().isPresent()) {
      List<String> expected = policyCase.expectedDiagnostics().get();
      for (String phrase : expected) {
        if (ruling.diagnostics().stream().noneMatch(d -> d.contains(phrase))) {
          differences.add("expected a diagnostic saying \"" + phrase + "\", got: " + ruling.diagnostics());
        }
      }
      if (ruling.diagnostics().size() > expected.size()) {
        differences.add("diagnostics: " + String.join("; ", ruling.diagnostics()));
      }
    } else if (!ruling.diagnostics().isEmpty()) {
      differences.add("diagnostics: " + String.join("; ", ruling.diagnostics()));
    }
    return differences;
  }

  private static Outcome outcome(String word) {
    for (Outcome outcome : Outcome.values()) {
      if (outcome.word().equals(word)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("not an outcome: " + word);
  }

  private static PolicyValidationException fail(List<Diagnostic> problems) {
    problems.sort(Diagnostic.IN_READING_ORDER);
    return new PolicyValidationException(problems);
  }
}
