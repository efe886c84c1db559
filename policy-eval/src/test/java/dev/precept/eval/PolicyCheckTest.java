package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker finds what governance staff must fix before the Board sees a policy. */
class PolicyCheckTest {
  private static final String HEAD = TestPolicies.HEADER;

  private static CheckReport check(String rest) {
    Policy policy = PolicyLoader.standard().parse(HEAD + rest, "checked.yaml");
    return PolicyCheck.of(policy);
  }

  private static List<Finding> of(CheckReport report, Finding.Kind kind) {
    return report.findings().stream().filter(f -> f.kind() == kind).toList();
  }

  @Test
  void theSeedPolicyHasNoFindingsAndAFullMatrix() {
    CheckReport report = PolicyCheck.of(SeedPolicy.POLICY);
    assertEquals(List.of(), report.findings());
    assertEquals(List.of("non-employee.board-action (must)"), report.matrix().get("volunteer").get("safeguarding").consequences());
    assertEquals(List.of(), report.matrix().get("parent").get("safeguarding").rules(), "a parent is not within the safeguarding rule");
  }

  @Test
  void findsAGapWithAnIncidentThatShowsIt() {
    CheckReport report = check("""
        sections:
          - id: s
            title: S
            clauses:
              - {id: s.rule, kind: prohibition, text: Do not., category: conduct, when: [{fact: working-hours, is: true}]}
        consequences:
          - {id: warn, clause: s.rule, appliesTo: [employees], modality: must, action: be warned}
        """);
    Finding gap = of(report, Finding.Kind.GAP).get(0);
    assertEquals(List.of("volunteer", "s.rule"), gap.subjects());
    assertEquals(List.of("s.rule"), gap.example().orElseThrow().clauses());
    assertTrue(report.hasErrors());
    // The example really does show the gap: ruling on it gives nothing, and says so.
    Ruling ruling = Evaluator.of(PolicyLoader.standard().parse(HEAD + """
        sections:
          - id: s
            title: S
            clauses:
              - {id: s.rule, kind: prohibition, text: Do not., category: conduct}
        consequences:
          - {id: warn, clause: s.rule, appliesTo: [employees], modality: must, action: be warned}
        """, "x.yaml")).rule(gap.example().orElseThrow());
    assertEquals(List.of("s.rule"), ruling.unspecified());
  }

  @Test
  void findsMustsThatExcludeEachOtherButNotTwoBodiesActingTogether() {
    CheckReport report = check("""
        sections:
          - id: s
            title: S
            clauses:
              - {id: s.rule, kind: prohibition, text: Do not., category: conduct}
        consequences:
          - {id: dismissal, clause: s.rule, appliesTo: [staff, volunteer], modality: must, action: be dismissed, actor: board}
          - {id: warning-only, clause: s.rule, appliesTo: [staff], modality: must, action: get a warning and nothing more, actor: ceo, excludes: [dismissal]}
          - {id: report, clause: s.rule, appliesTo: [staff], modality: must, action: be reported, actor: ceo}
        """);
    List<Finding> conflicts = of(report, Finding.Kind.CONFLICT);
    assertEquals(1, conflicts.size(), report.findings().toString());
    assertEquals(List.of("dismissal", "warning-only", "staff"), conflicts.get(0).subjects());
  }

  @Test
  void findsAnExceptionThatCanNeverApplyAndARuleThatCanNeverBeBreached() {
    CheckReport report = check("""
        sections:
          - id: s
            title: S
            clauses:
              - id: s.rule
                kind: prohibition
                text: Do not, in working hours.
                category: conduct
                when: [{fact: working-hours, is: true}]
                exceptions:
                  - {id: s.rule.never, text: unless outside hours, office: ceo, timing: prior, when: [{fact: working-hours, is: false}]}
              - {id: s.nobody, kind: obligation, text: Nobody is here., category: conduct, appliesTo: [nobody]}
              - {id: s.uncategorised, kind: prohibition, text: Cannot be breached.}
        consequences:
          - {id: warn, clause: s.rule, appliesTo: [staff, volunteer], modality: must, action: be warned}
          - {id: never, clause: s.rule, appliesTo: [staff], categories: [empty], modality: may, action: never happen}
        """);
    assertEquals(List.of("s.rule.never", "s.rule"), of(report, Finding.Kind.DEAD_EXCEPTION).get(0).subjects());
    assertEquals(List.of("s.nobody"), of(report, Finding.Kind.UNREACHABLE_RULE).get(0).subjects());
    assertEquals(List.of("never"), of(report, Finding.Kind.UNREACHABLE_CONSEQUENCE).get(0).subjects());
    assertEquals(List.of("s.uncategorised"), of(report, Finding.Kind.UNBREACHABLE_RULE).get(0).subjects());
    List<String> unused = of(report, Finding.Kind.UNUSED).stream().map(f -> f.subjects().get(0)).toList();
    assertEquals(List.of("unused-fact", "nobody"), unused);
    assertEquals(Finding.Severity.ERROR, report.findings().get(0).severity(), "errors come first");
  }

  @Test
  void theTextReportShowsTheMatrixAndEachFinding() {
    String text = PolicyCheck.toText(PolicyCheck.of(SeedPolicy.POLICY));
    assertTrue(text.contains("volunteer                  1 must 0 may"), text);
    assertTrue(text.contains("[6] safeguarding"), text);
    assertTrue(text.endsWith("0 errors, 0 warnings\n"), text);
    assertFalse(text.lines().anyMatch(l -> l.startsWith("staff") && l.contains("GAP")));
  }

  @Test
  void theTextReportListsEveryKindOfFindingWorstFirstAndCountsEachSeverity() {
    CheckReport report = check("""
        silent:
          - {id: volunteers-elsewhere, appliesTo: [volunteer], categories: [empty], reason: volunteers are dealt with elsewhere}
        sections:
          - id: s
            title: S
            clauses:
              - id: s.rule
                kind: prohibition
                text: Do not, in working hours.
                category: conduct
                when: [{fact: working-hours, is: true}]
                exceptions:
                  - {id: s.rule.never, text: unless outside hours, office: ceo, timing: prior, when: [{fact: working-hours, is: false}]}
              - {id: s.nobody, kind: obligation, text: Nobody is here., category: conduct, appliesTo: [nobody]}
              - {id: s.uncategorised, kind: prohibition, text: Cannot be breached.}
              - {id: s.quiet, kind: prohibition, text: Volunteers must not be quiet., category: empty, appliesTo: [volunteer]}
        consequences:
          - {id: dismissal, clause: s.rule, appliesTo: [staff], modality: must, action: be dismissed, actor: board}
          - {id: warning-only, clause: s.rule, appliesTo: [staff], modality: must, action: get a warning, actor: ceo, excludes: [dismissal]}
          - {id: never, clause: s.rule, appliesTo: [staff], categories: [empty], modality: may, action: never happen}
        """);
    assertEquals("Check of checked version 1 (" + report.digest() + ")\n"
        + "\n"
        + "Coverage: for each role and breach category, the consequences a breach can lead to\n"
        + "(must/may counts; '-' where no rule in the category reaches the role; GAP where a rule does but no consequence follows;"
        + " 'silent' where the policy says so on purpose)\n"
        + "\n"
        + "           [1]           [2]         \n"
        + "staff      2 must 0 may  -           \n"
        + "volunteer  GAP           silent      \n"
        + "\n"
        + "[1] conduct\n"
        + "[2] empty\n"
        + "\n"
        + "error [gap]: no consequence for a volunteer who breaches s.rule (conduct): the policy is silent for this role\n"
        + "    example incident: {person: {roles: [volunteer]}, clauses: [s.rule]}\n"
        + "error [conflict]: conflicting musts for a staff: 'dismissal' and 'warning-only' must both follow the same breach,"
        + " but one excludes the other\n"
        + "    example incident: {person: {roles: [staff]}, clauses: [s.rule]}\n"
        + "error [dead-exception]: exception 's.rule.never' can never apply: its conditions contradict those of clause 's.rule'\n"
        + "error [unreachable-rule]: rule 's.nobody' can never be breached: no role is within nobody\n"
        + "error [unreachable-consequence]: consequence 'never' can never follow: no role within staff can breach a rule in empty\n"
        + "warning [unbreachable-rule]: prohibition 's.uncategorised' has no breach category, so no incident can breach it\n"
        + "warning [unused]: fact 'unused-fact' is declared but no clause, exception or consequence tests it\n"
        + "warning [unused]: group 'nobody' is declared but no role belongs to it\n"
        + "info [declared-silence]: no consequence for a volunteer who breaches s.quiet (empty), as the policy declares"
        + " (silence 'volunteers-elsewhere'): volunteers are dealt with elsewhere\n"
        + "\n"
        + "5 errors, 3 warnings, 1 note\n", PolicyCheck.toText(report));
    assertEquals("volunteers-elsewhere", report.matrix().get("volunteer").get("empty").silence().orElseThrow());
    assertTrue(report.matrix().get("volunteer").get("conduct").silence().isEmpty(), "the silence is for another category");
    assertEquals(List.of("dismissal (must)", "warning-only (must)"), report.matrix().get("staff").get("conduct").consequences());
    assertEquals(List.of(), report.matrix().get("staff").get("empty").consequences(), "no rule in empty reaches staff");
  }

  @Test
  void oneErrorAndOneNoteAreCountedInTheSingular() {
    CheckReport report = check("""
        silent:
          - {id: volunteers-elsewhere, appliesTo: [volunteer], categories: [empty], reason: volunteers are dealt with elsewhere}
        sections:
          - id: s
            title: S
            clauses:
              - {id: s.rule, kind: prohibition, text: Do not., category: conduct}
              - {id: s.quiet, kind: prohibition, text: Volunteers must not be quiet., category: empty, appliesTo: [volunteer]}
        consequences:
          - {id: warn, clause: s.rule, appliesTo: [staff, volunteer], categories: [conduct], modality: must, action: be warned}
          - id: never
            clause: s.rule
            appliesTo: [staff]
            modality: may
            action: never happen
            when: [{fact: working-hours, is: true}, {fact: working-hours, is: false}]
        """);
    String text = PolicyCheck.toText(report);
    assertTrue(text.contains("error [unreachable-consequence]: consequence 'never' can never follow: no role within staff can breach"
        + " a rule of the policy, and its conditions contradict each other\n"), text);
    assertTrue(text.endsWith("\n1 error, 2 warnings, 1 note\n"), text);
  }
}
