package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases files: expected rulings checked, failures shown as readable diffs, coverage reported. */
class CaseSuiteTest {
  private static CaseSuite suite(String yaml) {
    return CaseSuite.read(LocatedDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "cases.yaml", ReadLimits.STANDARD), SeedPolicy.POLICY);
  }

  @Test
  void theSeedsOwnCasesAllPassAndExerciseEveryClauseExceptionAndConsequence() {
    CaseReport report = CaseSuite.load(CaseSuite.besidePolicy(SeedPolicy.FILE), SeedPolicy.POLICY).run(SeedPolicy.EVALUATOR);
    assertTrue(report.passed(), report.toText());
    assertTrue(report.results().size() >= 15);
    assertEquals(List.of(), report.clausesNotExercised());
    assertEquals(List.of(), report.exceptionsNotExercised());
    assertEquals(List.of(), report.consequencesNotExercised());
  }

  @Test
  void aWrongExpectationFailsWithAReadableDiff() {
    CaseReport report = suite("""
        cases:
          - name: wrongly expects the Board to act for staff
            incident: {id: c1, person: {roles: [staff]}, clauses: [conduct.damaging-postings], facts: {investigation-finding: breach}}
            expect:
              clauses: {conduct.damaging-postings: excused}
              consequences:
                - {id: employee.investigation, modality: must, status: applies}
                - {id: non-employee.board-action, modality: must, status: applies}
        """).run(SeedPolicy.EVALUATOR);
    assertFalse(report.passed());
    List<String> differences = report.results().get(0).differences();
    assertTrue(differences.get(0).startsWith("clause conduct.damaging-postings: expected excused, got breached ("), differences.get(0));
    assertEquals(List.of(
        "consequences differ (- expected, + got):",
        "  - non-employee.board-action (must, applies)",
        "  + employee.disciplinary-procedure (may, applies)"), differences.subList(1, differences.size()));
    assertTrue(report.toText().contains("FAIL  wrongly expects the Board to act for staff  (cases.yaml:2)"), report.toText());
    assertTrue(report.toText().contains("0 passed, 1 failed"));
  }

  @Test
  void coverageNamesWhatNoCaseExercises() {
    CaseReport report = suite("""
        cases:
          - name: one case
            incident: {id: c1, person: {roles: [parent]}, clauses: [conduct.name-and-logo]}
            expect: {clauses: {conduct.name-and-logo: breached}}
        """).run(SeedPolicy.EVALUATOR);
    assertTrue(report.passed());
    assertEquals(22, report.clausesNotExercised().size());
    assertEquals(List.of("principles.working-hours-access.ceo-approval", "conduct.name-and-logo.ceo-permission"), report.exceptionsNotExercised());
    assertFalse(report.consequencesNotExercised().contains("non-employee.board-action"));
  }

  @Test
  void aCasesFileNamingUnknownIdsIsRefusedWithEveryProblem() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> suite("""
        cases:
          - name: twice
            incident: {id: c1, person: {roles: [parnet]}, clauses: [conduct.name-and-logo]}
            expect: {clauses: {conduct.logo: breached}, consequences: [{id: board, modality: must, status: applies}]}
          - name: twice
            incident: {id: c2, person: {roles: [parent]}, clauses: [conduct.name-and-logo]}
            expect: {}
        """));
    assertEquals(4, e.diagnostics().size(), e.getMessage());
    assertTrue(e.getMessage().contains("unknown role 'parnet'"));
    assertTrue(e.getMessage().contains("unknown clause 'conduct.logo'"));
    assertTrue(e.getMessage().contains("unknown consequence 'board'"));
    assertTrue(e.getMessage().contains("another case is already named 'twice'"));
  }

  @Test
  void everyKindOfUnmetExpectationIsListedAsADifference() {
    CaseReport report = suite("""
        cases:
          - name: expects what the ruling does not give
            incident: {id: c1, person: {roles: [parent]}, clauses: [conduct.name-and-logo]}
            expect:
              clauses: {conduct.name-and-logo: breached, conduct.confidential-information: breached}
              unspecified: [conduct.damaging-postings]
              says: ["the moon is made of cheese"]
              diagnostics: ["a problem with the incident"]
        """).run(SeedPolicy.EVALUATOR);
    List<String> differences = report.results().get(0).differences();
    assertEquals(4, differences.size(), differences.toString());
    assertEquals("clause conduct.confidential-information: expected breached, but the incident does not concern it", differences.get(0));
    assertEquals("unspecified: expected [conduct.damaging-postings], got " + report.results().get(0).ruling().unspecified(),
        differences.get(1));
    assertEquals("the ruling does not say \"the moon is made of cheese\"", differences.get(2));
    assertEquals("expected a diagnostic saying \"a problem with the incident\", got: []", differences.get(3));
    assertEquals(1, report.failures());
  }

  @Test
  void theTextListsWhatNoCaseExercisesOrSaysNone() {
    CaseReport partial = suite("""
        cases:
          - name: one case
            incident: {id: c1, person: {roles: [parent]}, clauses: [conduct.name-and-logo]}
            expect: {clauses: {conduct.name-and-logo: breached}}
        """).run(SeedPolicy.EVALUATOR);
    String text = partial.toText();
    assertTrue(text.startsWith("PASS  one case  (cases.yaml:2)\n\n1 passed, 0 failed\n\nCoverage:\n"), text);
    assertTrue(text.contains("\n  exceptions no case meets: 2 (principles.working-hours-access.ceo-approval, "
        + "conduct.name-and-logo.ceo-permission)\n"), text);
    assertTrue(text.contains("\n  clauses no case concerns: 22 ("), text);
    CaseReport full = CaseSuite.load(CaseSuite.besidePolicy(SeedPolicy.FILE), SeedPolicy.POLICY).run(SeedPolicy.EVALUATOR);
    assertTrue(full.toText().endsWith("\nCoverage:\n  clauses no case concerns: none\n  exceptions no case meets: none\n"
        + "  consequences no case reaches: none\n"), full.toText());
    assertEquals(0, full.failures());
  }
}
