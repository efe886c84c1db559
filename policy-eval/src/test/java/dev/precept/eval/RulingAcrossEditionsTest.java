package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.testkit.PolicyText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ruling on an incident written for another edition: names this edition does not know are listed
 * in the ruling's diagnostics, one sentence each, and what they concern is left out, never an error.
 */
class RulingAcrossEditionsTest {
  static final Policy POLICY = PolicyLoader.standard().parse(PolicyText.opening("editions", "Example", "2") + """
      roles:
        - {id: staff, title: Staff, memberOf: [employees], attributes: {adult: true}}
        - {id: volunteer, title: Volunteers}
      groups:
        - {id: employees, title: employees}
      offices:
        - {id: board, title: Board}
      attributes:
        - {id: adult, type: boolean, description: 'Is the person 18 or over?'}
      facts:
        - {id: working-hours, type: boolean, description: 'In working hours?'}
        - {id: vote, type: decision, body: board, description: 'Does the board agree?'}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.logo, kind: prohibition, text: Do not use the logo., category: conduct}
            - id: rules.report
              kind: obligation
              text: Report it.
              category: conduct
              duty: [{id: report, text: report it}]
      consequences:
        - {id: ask, clause: rules.logo, appliesTo: [employees], modality: must, action: be asked to stop, outcomes: [complied, refused]}
        - {id: warning, clause: rules.logo, appliesTo: [employees], modality: may, action: be warned, after: {step: ask, outcome: refused}}
      """, "editions.yaml");
  static final Evaluator EVALUATOR = Evaluator.of(POLICY);

  private static Incident.Builder staffIncident() {
    Incident.Builder incident = Incident.builder();
    incident.id("old-1").person(Person.holding("staff")).addClauses("rules.logo");
    return incident;
  }

  @Test
  void aClauseThisEditionDoesNotHaveIsListedAndLeftOut() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident().addClauses("rules.retired").build());
    assertEquals(List.of("unknown clause 'rules.retired': not in policy editions"), ruling.diagnostics());
    assertEquals(List.of("rules.logo"), ruling.clauses().stream().map(ClauseRuling::clause).toList());
  }

  @Test
  void aBreachCategoryThisEditionDoesNotHaveIsListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident().addCategories("safety").build());
    assertEquals(List.of("unknown breach category 'safety'"), ruling.diagnostics());
  }

  @Test
  void aPersonInNoRoleOfThisEditionIsInScopeOfNothing() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(Incident.builder().id("old-2").person(Person.holding("governor"))
        .addClauses("rules.logo").build());
    assertEquals(List.of("unknown role 'governor': the person is in no role of this policy"), ruling.diagnostics());
    ClauseRuling clause = ruling.clause("rules.logo").orElseThrow();
    assertEquals(Outcome.NOT_APPLICABLE, clause.outcome());
    assertEquals("the person holds no role of this policy", clause.reason());
  }

  @Test
  void oneUnknownRoleAmongSeveralIsListedAndTheOthersStillCount() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(Incident.builder().id("old-3").person(Person.holding("governor", "staff"))
        .addClauses("rules.logo").build());
    assertEquals(List.of("unknown role 'governor'"), ruling.diagnostics());
    assertEquals(Outcome.BREACHED, ruling.clause("rules.logo").orElseThrow().outcome());
    assertEquals(List.of("staff", "employees"), ruling.person().stream().map(Ruling.Membership::id).toList());
  }

  @Test
  void aPersonWithNoRoleIsListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(Incident.builder().id("old-4").person(Person.holding())
        .addClauses("rules.logo").build());
    assertEquals(List.of("the incident names no role for the person"), ruling.diagnostics());
    assertEquals(Outcome.NOT_APPLICABLE, ruling.clause("rules.logo").orElseThrow().outcome());
  }

  @Test
  void unknownAttributesFactsAndBadValuesAreListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(Incident.builder().id("old-5")
        .person(Person.builder().addRoles("staff").putAttribute("age", "30").build())
        .addClauses("rules.logo").putFact("weather", "rain").putFact("working-hours", "TRUE").build());
    assertEquals(List.of("unknown attribute 'age'", "unknown fact 'weather': ignored",
        "fact 'working-hours' cannot be 'TRUE': expected true or false"), ruling.diagnostics());
  }

  @Test
  void decisionsThisEditionDoesNotTakeOrWithTooManyVotesAreListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident()
        .putDecision("veto", CollectiveDecision.builder().votesFor(1).members(3).build())
        .putDecision("working-hours", CollectiveDecision.builder().votesFor(1).members(3).build())
        .putDecision("vote", CollectiveDecision.builder().votesFor(3).votesAgainst(1).members(3).build()).build());
    assertEquals(List.of("unknown decision 'veto': ignored", "unknown decision 'working-hours': ignored",
        "decision 'vote' records more votes than members: 3 for, 1 against, 0 abstaining, of 3 members"), ruling.diagnostics());
  }

  @Test
  void aDecisionWithAsManyVotesAsMembersIsNotListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident()
        .putDecision("vote", CollectiveDecision.builder().votesFor(2).votesAgainst(1).members(3).build()).build());
    assertEquals(List.of(), ruling.diagnostics());
  }

  @Test
  void permissionsStepsAndDutiesThisEditionDoesNotKnowAreListed() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident()
        .addPermissions(Permission.builder().office("cfo").given(Permission.Given.BEFORE)
            .form(dev.precept.model.PermissionForm.WRITTEN).build())
        .putStep("caution", "given").putStep("warning", "given").putStep("ask", "ignored")
        .putDone("apologise", "2024-02-01T10:00").build());
    assertEquals(List.of("permission from unknown office 'cfo'",
        "unknown step 'caution': no consequence of this policy has outcomes under that id",
        "unknown step 'warning': no consequence of this policy has outcomes under that id",
        "step 'ask' cannot end 'ignored': its outcomes are [complied, refused]",
        "unknown duty step 'apologise': ignored"), ruling.diagnostics());
  }

  @Test
  void aDutyTimeThisEditionCannotReadIsListedNotDroppedQuietly() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident().addClauses("rules.report")
        .putDone("report", "02/01/2024 10:00").build());
    assertEquals(List.of("step 'report' cannot be done '02/01/2024 10:00': expected a time YYYY-MM-DDTHH:MM or not-done;"
        + " the step is taken as not recorded"), ruling.diagnostics());
  }

  @Test
  void whatThisEditionKnowsGivesNoDiagnostic() {
    Ruling ruling = EVALUATOR.ruleAcrossEditions(staffIncident().putFact("working-hours", "true").putStep("ask", "refused")
        .putDone("report", "2024-02-01T10:00").addPermissions(Permission.builder().office("board")
            .given(Permission.Given.BEFORE).form(dev.precept.model.PermissionForm.WRITTEN).build()).build());
    assertEquals(List.of(), ruling.diagnostics());
    assertEquals(List.of("ask", "warning"), ruling.consequences().stream().map(ConsequenceRuling::consequence).toList());
    assertTrue(ruling.consequence("warning").orElseThrow().dependsOn().isEmpty(), "the step it follows ended as it needs");
  }

  @Test
  void aRuleForEveryoneTakesTheHeldRoleAsItsScope() {
    ClauseRuling clause = EVALUATOR.ruleAcrossEditions(staffIncident().build()).clause("rules.logo").orElseThrow();
    assertEquals(List.of("staff"), clause.scope());
    assertTrue(clause.reason().startsWith("breached: it applies to everyone the policy concerns, staff included"), clause.reason());
  }
}
