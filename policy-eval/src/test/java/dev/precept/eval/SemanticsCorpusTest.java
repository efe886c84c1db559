package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The semantics corpus: {@code src/test/resources/semantics/<case>/}, each a small policy
 * ({@code policy.yaml}) and its cases ({@code policy.cases.yaml}: incidents with the outcomes,
 * consequences and phrases the ruling must give). One folder per construct of the rule language
 * and per combination of constructs that interact; every case runs as its own test.
 */
class SemanticsCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/semantics");

  /** The constructs and combinations the corpus must hold a case for: one folder each. */
  static final List<String> REQUIRED = List.of(
      "conditions-all-any-not", "comparisons-and-dates", "person-attributes", "deeming", "collective-decisions",
      "staged-consequences", "referrals", "declared-silence", "several-acting-bodies", "duties-order-and-time",
      "sanction-options-and-factors", "every-exception-explained", "list-item-lead-in", "role-path-for-each-consequence",
      "excludes-as-alternatives", "permission-for-another-clause", "staged-with-role-split", "deeming-with-referral",
      "any-with-exception");

  @TestFactory
  Stream<DynamicNode> everyCaseOfEveryConstructRulesAsExpected() throws IOException {
    List<DynamicNode> folders = new ArrayList<>();
    for (Path folder : folders()) {
      Policy policy = PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      CaseSuite suite = CaseSuite.load(folder.resolve("policy.cases.yaml"), policy);
      Evaluator evaluator = Evaluator.of(policy);
      List<DynamicTest> tests = new ArrayList<>();
      for (PolicyCase policyCase : suite.cases()) {
        tests.add(DynamicTest.dynamicTest(policyCase.name(), () -> {
          CaseReport report = CaseSuite.of(policy, List.of(policyCase)).run(evaluator);
          assertTrue(report.passed(), () -> policyCase.location() + "\n" + report.toText() + "\n"
              + Rulings.toText(report.results().get(0).ruling()));
        }));
      }
      folders.add(DynamicContainer.dynamicContainer(folder.getFileName().toString(), tests));
    }
    return folders.stream();
  }

  @Test
  void theCorpusHoldsACaseForEveryConstructAndInteraction() throws IOException {
    List<String> present = folders().stream().map(f -> f.getFileName().toString()).toList();
    List<String> missing = REQUIRED.stream().filter(r -> !present.contains(r)).toList();
    assertEquals(List.of(), missing, "semantics folders missing");
  }

  @Test
  void everyCorpusPolicyExercisesEachOfItsClausesAndConsequences() throws IOException {
    for (Path folder : folders()) {
      Policy policy = PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      CaseReport report = CaseSuite.load(folder.resolve("policy.cases.yaml"), policy).run(Evaluator.of(policy));
      assertFalse(report.results().isEmpty(), folder + " has no cases");
      assertEquals(List.of(), report.consequencesNotExercised(), folder + ": consequences no case reaches");
    }
  }

  static List<Path> folders() throws IOException {
    try (Stream<Path> list = Files.list(CORPUS)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }
}
