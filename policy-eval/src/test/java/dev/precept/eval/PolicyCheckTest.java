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
}
