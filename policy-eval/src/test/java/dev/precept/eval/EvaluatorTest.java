package dev.precept.eval;

import static dev.precept.eval.SeedPolicy.EVALUATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Modality;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's rulings on the seed policy, as an HR or safeguarding lead would read them. */
class EvaluatorTest {
  private static Incident volunteerContactsChild() {
    return Incident.builder().id("i-1").person(Person.holding("volunteer"))
        .addClauses("principles.no-contact-with-children").build();
  }

  @Test
  void explainsTheRolePathThatPutAVolunteerInScope() {
    ClauseRuling clause = EVALUATOR.rule(volunteerContactsChild()).clause("principles.no-contact-with-children").orElseThrow();
    assertEquals(Outcome.BREACHED, clause.outcome());
    assertEquals(List.of("volunteer", "working-in-trust"), clause.scope());
    assertTrue(clause.quote().startsWith("Anyone working in the Trust either as a paid employee or volunteer"));
  }

  @Test
  void citesThePolicyIdVersionAndDigestItRuledUnder() {
    Ruling ruling = EVALUATOR.rule(volunteerContactsChild());
    assertEquals("cat-social-media", ruling.policy());
    assertEquals("2016.1", ruling.version());
    assertEquals(PolicyDigest.of(SeedPolicy.POLICY).toString(), ruling.digest());
  }

  @Test
  void namesTheBodyThatActsAndKeepsItsModality() {
    ConsequenceRuling board = EVALUATOR.rule(volunteerContactsChild()).consequence("non-employee.board-action").orElseThrow();
    assertEquals(Modality.MUST, board.modality());
    assertEquals("Board of Directors", board.actor().orElseThrow());
    assertTrue(board.statement().startsWith("The Board of Directors must take appropriate action"), board.statement());
    assertEquals(ConsequenceRuling.Status.APPLIES, board.status());
  }

  @Test
  void showsFindingDependentConsequencesAsConditionalUntilTheFindingIsRecorded() {
    Incident incident = Incident.builder().id("i-2").person(Person.holding("staff")).addClauses("conduct.confidential-information").build();
    ConsequenceRuling dismissal = EVALUATOR.rule(incident).consequence("employee.gross-misconduct").orElseThrow();
    assertEquals(ConsequenceRuling.Status.CONDITIONAL, dismissal.status());
    assertEquals(Modality.MAY, dismissal.modality());
    assertEquals(List.of("investigation-finding is gross-misconduct"), dismissal.dependsOn());
    assertEquals("Disciplinary Procedure", dismissal.procedure().orElseThrow());
  }

  @Test
  void aRecordedFindingRulesOutTheConsequencesOfOtherFindings() {
    Incident incident = Incident.builder().id("i-3").person(Person.holding("staff")).addClauses("conduct.confidential-information")
        .putFact("investigation-finding", "misconduct").build();
    Ruling ruling = EVALUATOR.rule(incident);
    assertTrue(ruling.consequence("employee.misconduct").isPresent());
    assertTrue(ruling.consequence("employee.gross-misconduct").isEmpty());
  }

  @Test
  void excusesABreachByThePermissionThatMetTheException() {
    Permission permission = Permission.builder().office("ceo").given(Permission.Given.BEFORE).form(PermissionForm.WRITTEN).build();
    Incident incident = Incident.builder().id("i-4").person(Person.holding("staff")).addClauses("conduct.name-and-logo")
        .addPermissions(permission).build();
    Ruling ruling = EVALUATOR.rule(incident);
    ClauseRuling clause = ruling.clause("conduct.name-and-logo").orElseThrow();
    assertEquals(Outcome.EXCUSED, clause.outcome());
    assertEquals("conduct.name-and-logo.ceo-permission", clause.exception().orElseThrow());
    assertEquals(permission, clause.permission().orElseThrow());
    assertEquals(List.of(), ruling.consequences(), "an excused clause yields no consequence");
  }

  @Test
  void namesTheFactsThatWouldDecideAnUndeterminedClause() {
    Incident incident = Incident.builder().id("i-5").person(Person.holding("pupil")).addClauses("conduct.unauthorised-images").build();
    ClauseRuling clause = EVALUATOR.rule(incident).clause("conduct.unauthorised-images").orElseThrow();
    assertEquals(Outcome.UNDETERMINED, clause.outcome());
    assertEquals(List.of("images-authorised"), clause.undecidedBy());
  }

  @Test
  void neverBorrowsAConsequenceFromAnotherRoleWhereThePolicyIsSilent() {
    // Consequences here exist only for employees; a volunteer's breach must come back unspecified.
    Policy silent = PolicyLoader.standard().parse(TestPolicies.HEADER + """
        sections:
          - id: rules
            title: Rules
            clauses:
              - {id: rules.one, kind: prohibition, text: Do not., category: conduct}
        consequences:
          - {id: staff.warning, clause: rules.one, appliesTo: [employees], modality: must, action: be warned}
        """, "silent.yaml");
    Ruling ruling = Evaluator.of(silent).rule(Incident.builder().id("i-6").person(Person.holding("volunteer")).addClauses("rules.one").build());
    assertEquals(Outcome.BREACHED, ruling.clause("rules.one").orElseThrow().outcome());
    assertEquals(List.of(), ruling.consequences());
    assertEquals(List.of("rules.one"), ruling.unspecified());
    assertTrue(Rulings.toText(ruling).contains("The policy gives no consequence for this person's role for: rules.one"));
  }

  @Test
  void aBreachCategoryBringsEveryRuleInItInDocumentOrder() {
    Ruling ruling = EVALUATOR.rule(Incident.builder().id("i-8").person(Person.holding("parent")).addCategories("inappropriate-comments").build());
    assertEquals(List.of("principles.inappropriate-comments", "conduct.derogatory-comments"),
        ruling.clauses().stream().map(ClauseRuling::clause).toList());
  }

  @Test
  void theTextFormQuotesTheClauseAndKeepsMustApartFromMay() {
    Incident incident = Incident.builder().id("i-9").person(Person.holding("staff")).addClauses("conduct.name-and-logo").build();
    String text = Rulings.toText(EVALUATOR.rule(incident));
    assertTrue(text.contains("conduct.name-and-logo: BREACHED"), text);
    // A list item is quoted with its lead-in, so the prohibition never reads like a permission.
    assertTrue(text.replace("\n  > ", " ").contains(
        "\"The following are **not considered acceptable** within the Connect Academy Trust: ... The use of the Trust's name, logo"), text);
    int must = text.indexOf("What must happen:");
    int may = text.indexOf("What may happen:");
    assertTrue(must > 0 && may > must, text);
    assertTrue(text.substring(must, may).contains("The breach of conduct.name-and-logo must be fully investigated."), text);
    assertTrue(text.substring(may).contains("The breach of conduct.name-and-logo may result in summary dismissal."), text);
  }

  @Test
  void theJsonFormReadsBackToTheSameRuling() {
    Ruling ruling = EVALUATOR.rule(volunteerContactsChild());
    assertEquals(ruling, Rulings.fromJson(Rulings.toJson(ruling)));
  }

  @Test
  void listsThePossibleConsequencesForARoleAndABreachCategoryBeforeAnyFinding() {
    assertEquals(List.of("non-employee.board-action"), ids(EVALUATOR.possibleConsequences("volunteer", "safeguarding")));
    assertEquals(List.of("comments.appropriate-action", "comments.disciplinary-policy", "employee.investigation",
        "employee.disciplinary-procedure", "employee.misconduct", "employee.gross-misconduct"),
        ids(EVALUATOR.possibleConsequences("staff", "inappropriate-comments")));
    assertEquals(List.of(), EVALUATOR.possibleConsequences("parent", "safeguarding"), "no safeguarding rule reaches a parent");
  }

  @Test
  void possibleConsequencesAgreeWithTheCheckersCoverageMatrix() {
    CheckReport report = PolicyCheck.of(SeedPolicy.POLICY);
    for (String role : report.roles()) {
      for (String category : report.categories()) {
        List<String> expected = report.matrix().get(role).get(category).consequences().stream()
            .map(c -> c.substring(0, c.indexOf(' '))).toList();
        assertEquals(expected, ids(EVALUATOR.possibleConsequences(role, category)), role + " x " + category);
      }
    }
  }

  private static List<String> ids(List<dev.precept.model.Consequence> consequences) {
    return consequences.stream().map(dev.precept.model.Consequence::id).toList();
  }
}
