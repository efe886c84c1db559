package dev.precept.eval.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Evaluator;
import dev.precept.eval.ExceptionRuling;
import dev.precept.eval.Incident;
import dev.precept.eval.Outcome;
import dev.precept.eval.Permission;
import dev.precept.eval.Person;
import dev.precept.eval.Ruling;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.testkit.PolicyText;
import dev.precept.eval.Rulings;
import dev.precept.model.Clause;
import dev.precept.model.Consequence;
import dev.precept.model.Fact;
import dev.precept.testkit.PolicyGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's rulings where the semantics corpus does not look: clauses that are not rules,
 * exceptions that either of two offices can meet, permissions given too late, exceptions that wait
 * on a fact, deemed values the incident agrees with, and a person holding several roles.
 */
class RulingEngineTest {
  static final Policy POLICY = PolicyLoader.standard().parse(PolicyText.opening("engine", "Engine", "1") + """
      roles:
        - {id: staff, title: Staff, memberOf: [employees]}
        - {id: volunteer, title: Volunteers}
      groups:
        - {id: employees, title: employees}
      offices:
        - {id: board, title: Board}
        - {id: ceo, title: Chief Executive}
        - {id: clerk, title: Clerk}
      facts:
        - {id: emergency, type: boolean, description: 'Was it an emergency?'}
        - {id: titled, type: boolean, description: 'Did the post give a title?'}
        - {id: official, type: boolean, description: 'Was the post official?'}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: intro
          title: Introduction
          clauses:
            - {id: intro.aim, kind: aim, text: The policy keeps the Trust's name safe.}
            - {id: intro.scope, kind: scope, text: The policy applies to everyone working for the Trust.}
            - id: intro.deemed
              kind: statement
              text: A post giving a title is official.
              deems:
                - {fact: official, is: true, when: {fact: titled, is: true}}
        - id: rules
          title: Rules
          clauses:
            - id: rules.press
              kind: prohibition
              text: Employees must not speak to the press without the permission of the Chief Executive or the Clerk.
              appliesTo: [employees]
              category: conduct
              exceptions:
                - {id: rules.press.either, text: without the permission of the Chief Executive or the Clerk, offices: [ceo, clerk], timing: prior, forms: [written]}
            - id: rules.emergency
              kind: prohibition
              text: Nobody may close the building, except in an emergency with the Chief Executive's permission.
              category: conduct
              exceptions:
                - id: rules.emergency.ceo
                  text: in an emergency with the Chief Executive's permission
                  office: ceo
                  timing: any
                  when:
                    - {fact: emergency, is: true}
      consequences:
        - {id: warning, clause: rules.press, appliesTo: [employees], modality: must, actor: board, action: give a warning}
        - {id: talk, clause: rules.press, appliesTo: [volunteer], modality: may, action: lead to a talk}
      """, "engine.yaml");

  /**
   * A fresh evaluator for each use: PIT credits a test only with code run inside it, so compiling
   * the policy once in a static field would hide the compiled indexes from every test here.
   */
  private static Evaluator evaluator() {
    return Evaluator.of(POLICY);
  }

  private static final Permission CEO_BEFORE = permission("ceo", Permission.Given.BEFORE);
  private static final Permission CLERK_BEFORE = permission("clerk", Permission.Given.BEFORE);

  private static Permission permission(String office, Permission.Given given) {
    return Permission.builder().office(office).given(given).form(PermissionForm.WRITTEN).build();
  }

  private static Incident.Builder incident(String... roles) {
    return Incident.builder().id("i").person(Person.holding(roles));
  }

  @Test
  void aClauseThatIsNotARuleIsNotApplicableAndSaysWhatKindOfClauseItIs() {
    Ruling ruling = evaluator().rule(incident("staff").addClauses("intro.aim", "intro.scope").build());
    ClauseRuling aim = ruling.clause("intro.aim").orElseThrow();
    assertEquals(Outcome.NOT_APPLICABLE, aim.outcome());
    assertEquals("'intro.aim' is an aim, not a rule that conduct can breach", aim.reason());
    assertEquals("'intro.scope' is a scope, not a rule that conduct can breach", ruling.clause("intro.scope").orElseThrow().reason());
    assertEquals(List.of(), ruling.consequences());
  }

  @Test
  void permissionInAFormTheExceptionDoesNotAcceptIsNamedInWordsNotExcused() {
    Permission verbal = Permission.builder().office("ceo").given(Permission.Given.BEFORE).form(PermissionForm.VERBAL).build();
    Ruling ruling = evaluator().rule(incident("staff").addClauses("rules.press").addPermissions(verbal).build());
    String said = ruling.toString();
    assertTrue(said.contains("needs written permission, and ceo's was verbal"), said);
    assertFalse(said.contains("[WRITTEN]"), said);
  }

  @Test
  void permissionFromEitherOfTwoOfficesExcusesAndOnlyTheFirstRecordedIsCited() {
    ClauseRuling press = evaluator().rule(incident("staff").addClauses("rules.press").addPermissions(CLERK_BEFORE, CEO_BEFORE).build())
        .clause("rules.press").orElseThrow();
    assertEquals(Outcome.EXCUSED, press.outcome());
    assertEquals(CEO_BEFORE, press.permission().orElseThrow(), "the first office the exception names");
    ExceptionRuling either = press.exceptions().get(0);
    assertEquals(ExceptionRuling.Result.MET, either.result());
    assertEquals(List.of(CEO_BEFORE), either.permissions());
    assertEquals("excused by the exception 'without the permission of the Chief Executive or the Clerk': the person held "
        + "written permission from ceo, given before the act", press.reason());
  }

  @Test
  void permissionGivenAfterTheActDoesNotMeetAnExceptionThatNeedsItBefore() {
    Ruling ruling = evaluator().rule(incident("staff").addClauses("rules.press")
        .addPermissions(permission("ceo", Permission.Given.AFTER)).build());
    ClauseRuling press = ruling.clause("rules.press").orElseThrow();
    assertEquals(Outcome.BREACHED, press.outcome());
    assertEquals("rules.press.either", press.exception().orElseThrow(), "the exception considered");
    assertTrue(press.permission().isEmpty(), press.toString());
    assertEquals("breached: it applies to employees (staff -> employees); the exception 'rules.press.either' needs permission "
        + "given before the act, and ceo's was given after; no permission from clerk is recorded, so the exception "
        + "'rules.press.either' is not met", press.reason());
    assertEquals(List.of("warning"), ruling.consequences().stream().map(ConsequenceRuling::consequence).toList());
  }

  @Test
  void anExceptionWaitingOnAnUnrecordedFactLeavesTheClauseUndeterminedAndItsConsequencesConditional() {
    Ruling ruling = evaluator().rule(incident("staff").addClauses("rules.emergency").addPermissions(CEO_BEFORE).build());
    ClauseRuling closing = ruling.clause("rules.emergency").orElseThrow();
    assertEquals(Outcome.UNDETERMINED, closing.outcome());
    assertEquals(List.of("emergency"), closing.undecidedBy());
    assertEquals("the person held the permission an exception needs; whether it excuses the conduct depends on emergency",
        closing.reason());
    assertEquals(CEO_BEFORE, closing.permission().orElseThrow());
    assertEquals("rules.emergency.ceo", closing.exception().orElseThrow());
    ExceptionRuling exception = closing.exceptions().get(0);
    assertEquals(ExceptionRuling.Result.UNDETERMINED, exception.result());
    assertEquals("the permission is recorded; whether the exception 'rules.emergency.ceo' is met depends on emergency",
        exception.reason());
    ConsequenceRuling warning = ruling.consequence("warning").orElseThrow();
    assertEquals(ConsequenceRuling.Status.CONDITIONAL, warning.status());
    assertEquals(List.of("rules.emergency is found to have been breached"), warning.dependsOn());
  }

  @Test
  void anExceptionWhoseConditionIsRecordedFalseIsNotMetAndTheClauseIsBreached() {
    Ruling ruling = evaluator().rule(incident("staff").addClauses("rules.emergency").addPermissions(CEO_BEFORE)
        .fact("emergency", false).build());
    ClauseRuling closing = ruling.clause("rules.emergency").orElseThrow();
    assertEquals(Outcome.BREACHED, closing.outcome());
    assertEquals("the exception 'rules.emergency.ceo' needs emergency is true, and the incident records false",
        closing.exceptions().get(0).reason());
    assertEquals(ConsequenceRuling.Status.APPLIES, ruling.consequence("warning").orElseThrow().status());
  }

  @Test
  void aDeemedValueTheIncidentAlsoRecordsIsNoContradiction() {
    Ruling ruling = evaluator().rule(incident("staff").addClauses("rules.press").fact("titled", true).fact("official", true).build());
    assertEquals(1, ruling.deemed().size());
    Ruling.DeemedFact deemed = ruling.deemed().get(0);
    assertEquals("official", deemed.fact());
    assertEquals("true", deemed.value());
    assertEquals("intro.deemed", deemed.clause());
    assertEquals("titled is true", deemed.because());
    assertTrue(deemed.recorded().isEmpty(), deemed.toString());
    assertEquals(List.of(), ruling.diagnostics());
  }

  @Test
  void nothingIsDeemedWhenTheDeemingConditionIsNotMet() {
    assertEquals(List.of(), evaluator().rule(incident("staff").addClauses("rules.press").fact("titled", false).build()).deemed());
  }

  @Test
  void aPersonInSeveralRolesFacesOnlyTheConsequencesOfTheRolesThatPutThemUnderTheRule() {
    Ruling ruling = evaluator().rule(incident("staff", "volunteer").addClauses("rules.press").build());
    assertEquals(List.of(
        Ruling.Membership.of("staff", List.of("staff")),
        Ruling.Membership.of("employees", List.of("staff", "employees")),
        Ruling.Membership.of("volunteer", List.of("volunteer"))), ruling.person());
    assertEquals(List.of("staff", "employees"), ruling.clause("rules.press").orElseThrow().scope());
    assertEquals(List.of("warning"), ruling.consequences().stream().map(ConsequenceRuling::consequence).toList(),
        "the volunteer's talk answers to the volunteer role, which rules.press does not cover");
    assertEquals(List.of("staff", "employees"), ruling.consequence("warning").orElseThrow().scope());
  }

  @Test
  void aRuleForEveryoneBringsTheConsequencesOfEveryRoleThePersonHolds() {
    Ruling ruling = evaluator().rule(incident("staff", "volunteer").addClauses("rules.emergency").build());
    ClauseRuling closing = ruling.clause("rules.emergency").orElseThrow();
    assertEquals(Outcome.BREACHED, closing.outcome());
    assertTrue(closing.reason().startsWith("breached: it applies to everyone the policy concerns, staff and volunteer included;"),
        closing.reason());
    assertEquals(List.of("staff"), closing.scope());
    assertEquals(List.of("warning", "talk"), ruling.consequences().stream().map(ConsequenceRuling::consequence).toList());
    assertEquals(List.of("volunteer"), ruling.consequence("talk").orElseThrow().scope());
    assertEquals(List.of("staff", "employees"), ruling.consequence("warning").orElseThrow().scope());
  }

  @Test
  void aDutyStepDoneAtSomethingThatIsNotATimeIsLeftUnknownWhenRuledAcrossEditions() {
    Policy duties = PolicyLoader.standard().load(java.nio.file.Path.of("src/test/resources/semantics/duties-order-and-time/policy.yaml"));
    Ruling ruling = Evaluator.of(duties).ruleAcrossEditions(Incident.builder().id("d").person(Person.holding("officer"))
        .occurred(java.time.LocalDateTime.parse("2026-03-01T20:00")).addClauses("media.negative-coverage")
        .putDone("report", "tomorrow").putDone("advice", "2026-03-02T10:00").putDone("respond", "not-done").build());
    ClauseRuling media = ruling.clause("media.negative-coverage").orElseThrow();
    assertEquals(Outcome.UNDETERMINED, media.outcome());
    assertEquals(List.of("when report was done"), media.undecidedBy());
    assertEquals(dev.precept.eval.StepCheck.Result.UNKNOWN, media.duty().get(0).result());
  }

  private static Policy corpus(String folder) {
    return PolicyLoader.standard().load(Path.of("src/test/resources/semantics", folder, "policy.yaml"));
  }

  @Test
  void aRulingAcrossEditionsListsNoDiagnosticForAnythingTheEditionDeclares() {
    Ruling ruling = Evaluator.of(CompiledPolicyTest.RECALL).ruleAcrossEditions(Incident.builder().id("known")
        .person(Person.builder().addRoles("staff").putAttribute("senior", "true").build())
        .addCategories("conduct", "money").build());
    assertEquals(List.of(), ruling.diagnostics());
    Ruling duty = Evaluator.of(corpus("duties-order-and-time")).ruleAcrossEditions(Incident.builder().id("d")
        .person(Person.holding("officer")).addClauses("media.negative-coverage").putDone("report", "2026-03-01T21:00").build());
    assertEquals(List.of(), duty.diagnostics());
  }

  @Test
  void anIncidentNamingAClauseAndACategoryIsRuledOnTheClauseAndEveryRuleInTheCategory() {
    Ruling ruling = Evaluator.of(CompiledPolicyTest.RECALL).rule(Incident.builder().id("both").person(Person.holding("staff"))
        .addClauses("rules.money").addCategories("conduct").build());
    assertEquals(List.of("rules.logo", "rules.money", "rules.senior", "rules.online"),
        ruling.clauses().stream().map(ClauseRuling::clause).toList());
  }

  @Test
  void anIncidentNamingTwoCategoriesIsRuledOnTheRulesOfBoth() {
    Ruling ruling = Evaluator.of(CompiledPolicyTest.RECALL).rule(Incident.builder().id("two").person(Person.holding("staff"))
        .addCategories("money", "conduct").build());
    assertEquals(List.of("rules.logo", "rules.money", "rules.senior", "rules.online"),
        ruling.clauses().stream().map(ClauseRuling::clause).toList());
  }

  @Test
  void anIncidentOfAnotherEditionNamingOnlyAClauseOrCategoryThisOneLacksIsRuledOnNothingAndSaysSo() {
    Ruling ruling = Evaluator.of(CompiledPolicyTest.RECALL).ruleAcrossEditions(Incident.builder().id("gone")
        .person(Person.holding("staff")).addCategories("gifts").build());
    assertEquals(List.of(), ruling.clauses());
    assertEquals(List.of("unknown breach category 'gifts'"), ruling.diagnostics());
    Ruling clause = Evaluator.of(CompiledPolicyTest.RECALL).ruleAcrossEditions(Incident.builder().id("gone")
        .person(Person.holding("staff")).addClauses("rules.gifts").build());
    assertEquals(List.of(), clause.clauses());
    assertEquals(List.of("unknown clause 'rules.gifts': not in policy recall"), clause.diagnostics());
  }

  @Test
  void aPersonInSeveralRolesHasTheAttributesOfEachRoleTheyHold() {
    ClauseRuling senior = Evaluator.of(CompiledPolicyTest.RECALL).rule(incident("volunteer", "trustee").addClauses("rules.senior").build())
        .clause("rules.senior").orElseThrow();
    assertEquals(Outcome.NOT_APPLICABLE, senior.outcome());
    assertEquals("it applies only when attribute senior is true, and the incident records false", senior.reason());
  }

  @Test
  void aClauseForNoneOfAPersonsSeveralRolesSaysWhichRolesAreOutsideIt() {
    ClauseRuling money = Evaluator.of(CompiledPolicyTest.RECALL).rule(incident("volunteer", "trustee").addClauses("rules.money").build())
        .clause("rules.money").orElseThrow();
    assertEquals(Outcome.NOT_APPLICABLE, money.outcome());
    assertEquals("it applies to employees, and a volunteer and trustee is in none of them", money.reason());
  }

  @Test
  void permissionForThisVeryClauseGivenTooLateIsNamedAsLateNotAsForAnotherClause() {
    Permission late = Permission.builder().office("ceo").clause("rules.press").given(Permission.Given.AFTER)
        .form(PermissionForm.WRITTEN).build();
    ClauseRuling press = evaluator().rule(incident("staff").addClauses("rules.press").addPermissions(late).build())
        .clause("rules.press").orElseThrow();
    assertEquals(Outcome.BREACHED, press.outcome());
    assertTrue(press.reason().contains("the exception 'rules.press.either' needs permission given before the act, and ceo's was given after"),
        press.reason());
  }

  @Test
  void theIncidentsDateIsTheDayItOccurredWhenNoDateIsRecorded() {
    ClauseRuling posts = Evaluator.of(corpus("comparisons-and-dates")).rule(Incident.builder().id("posted")
        .person(Person.holding("councillor")).addClauses("purdah.posts").fact("posted", LocalDate.parse("2026-04-10"))
        .fact("followers", 2000L).occurred(LocalDateTime.parse("2026-04-12T10:00")).build()).clause("purdah.posts").orElseThrow();
    assertEquals(Outcome.BREACHED, posts.outcome(), posts.toString());
  }

  @Test
  void aDutyKeptStepByStepSaysHowEachStepWasKept() {
    ClauseRuling media = Evaluator.of(corpus("duties-order-and-time")).rule(Incident.builder().id("kept")
        .person(Person.holding("officer")).occurred(LocalDateTime.parse("2026-03-01T20:00")).addClauses("media.negative-coverage")
        .putDone("report", "2026-03-01T22:00").putDone("advice", "2026-03-02T09:00").putDone("respond", "not-done").build())
        .clause("media.negative-coverage").orElseThrow();
    assertEquals(Outcome.COMPLIED, media.outcome());
    assertEquals("the duty was kept: 'report it to the communications team' was done 2 hours after the incident, within 24 hours; "
        + "'take the communications team's advice' was done at 2026-03-02T09:00; 'respond' was not done, and it need not be",
        media.reason());
  }

  @Test
  void aListItemsRulingQuotesTheClauseThatLeadsInToTheList() {
    ClauseRuling photos = Evaluator.of(corpus("list-item-lead-in")).rule(Incident.builder().id("photos")
        .person(Person.holding("volunteer")).addClauses("conduct.unacceptable.photos").build())
        .clause("conduct.unacceptable.photos").orElseThrow();
    assertEquals("The following are not considered acceptable:", photos.leadIn().orElseThrow());
  }

  @Test
  void consequencesThatExcludeEachOtherNameEachOtherAsAlternativesAndNoOther() {
    Ruling ruling = Evaluator.of(corpus("excludes-as-alternatives")).rule(Incident.builder().id("either")
        .person(Person.holding("staff")).addClauses("conduct.rule").build());
    assertEquals(List.of("dismissal"), ruling.consequence("warning").orElseThrow().alternatives());
    assertEquals(List.of("warning"), ruling.consequence("dismissal").orElseThrow().alternatives());
  }

  /** A silence for one breach category, and a rule in each of two categories. */
  static final Policy SILENT = PolicyLoader.standard().parse(PolicyText.opening("silent", "Silent", "1") + """
      roles:
        - {id: contractor, title: Contractors}
      offices:
        - {id: board, title: Board}
      breachCategories:
        - {id: conduct, title: Conduct}
        - {id: money, title: Money}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.conduct, kind: prohibition, text: Nobody may shout., category: conduct}
            - {id: rules.money, kind: prohibition, text: Nobody may spend without approval., category: money}
            - {id: rules.contracts, kind: statement, text: Contractors' spending is governed by their contracts.}
      silent:
        - {id: by-contract, clause: rules.contracts, appliesTo: [contractor], categories: [money], reason: their contracts govern it}
      """, "silent.yaml");

  @Test
  void aSilenceForOneCategoryIsDeclaredForABreachInItAndNotForOneInAnother() {
    Ruling ruling = Evaluator.of(SILENT).rule(incident("contractor").addCategories("conduct", "money").build());
    assertEquals(List.of("rules.conduct", "rules.money"), ruling.unspecified());
    assertEquals(List.of("rules.money"), ruling.silences().stream().map(Ruling.DeclaredSilence::clause).toList());
  }

  /**
   * Recalled rulings are only ever a speed-up: one evaluator ruling a long shuffled stream of
   * incidents, each several times, gives every ruling exactly as a new evaluator gives it.
   */
  @Test
  void aLongLivedEvaluatorRulesAShuffledStreamOfIncidentsAsAFreshEvaluatorRulesEachOne() {
    List<Policy> policies = new ArrayList<>(List.of(CompiledPolicyTest.RECALL, POLICY, corpus("staged-with-role-split"),
        corpus("sanction-options-and-factors"), corpus("person-attributes")));
    for (long seed = 1; seed <= 3; seed++) {
      policies.add(PolicyGenerator.generate(seed, 30));
    }
    for (Policy policy : policies) {
      Random random = new Random(policy.id().hashCode());
      List<Incident> incidents = new ArrayList<>();
      for (int n = 0; n < 120; n++) {
        Incident incident = randomIncident(policy, random, n);
        for (int copy = 0; copy < 3; copy++) {
          incidents.add(incident);
        }
      }
      Collections.shuffle(incidents, random);
      Evaluator longLived = Evaluator.of(policy);
      for (Incident incident : incidents) {
        assertEquals(Rulings.toJson(Evaluator.of(policy).rule(incident)), Rulings.toJson(longLived.rule(incident)),
            policy.id() + ": " + incident);
      }
    }
  }

  /** An incident in the policy's own words: one role or two, clauses or categories, some facts, steps and permissions. */
  private static Incident randomIncident(Policy policy, Random random, int n) {
    Incident.Builder incident = Incident.builder().id("random-" + n);
    Person.Builder person = Person.builder().addRoles(pick(policy.roles(), random).id());
    if (random.nextInt(4) == 0) {
      String other = pick(policy.roles(), random).id();
      if (!person.build().roles().contains(other)) {
        person.addRoles(other);
      }
    }
    incident.person(person.build());
    if (random.nextBoolean() || policy.breachCategories().isEmpty()) {
      incident.addClauses(pick(policy.allClauses(), random).id());
    } else {
      incident.addCategories(pick(policy.breachCategories(), random).id());
    }
    for (Fact fact : policy.facts()) {
      if (random.nextInt(3) != 0) {
        continue;
      }
      switch (fact.type()) {
        case BOOLEAN -> incident.fact(fact.id(), random.nextBoolean());
        case ENUM -> incident.fact(fact.id(), fact.values().get(random.nextInt(fact.values().size())));
        case INTEGER -> incident.fact(fact.id(), (long) random.nextInt(4));
        default -> { }
      }
    }
    for (Consequence consequence : policy.consequences()) {
      if (!consequence.outcomes().isEmpty() && random.nextInt(3) == 0) {
        incident.putStep(consequence.id(), consequence.outcomes().get(random.nextInt(consequence.outcomes().size())));
      }
    }
    if (!policy.offices().isEmpty() && random.nextInt(4) == 0) {
      incident.addPermissions(Permission.builder().office(pick(policy.offices(), random).id())
          .given(random.nextBoolean() ? Permission.Given.BEFORE : Permission.Given.AFTER)
          .form(random.nextBoolean() ? PermissionForm.WRITTEN : PermissionForm.VERBAL).build());
    }
    return incident.build();
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  @Test
  void theCheckOfAnExceptionsConditionIsOneObjectSharedByEveryRulingThatRecordsTheSameValue() {
    Evaluator evaluator = evaluator();
    Incident emergency = incident("staff").addClauses("rules.emergency").addPermissions(CEO_BEFORE).fact("emergency", true).build();
    ExceptionRuling first = evaluator.rule(emergency).clause("rules.emergency").orElseThrow().exceptions().get(0);
    ExceptionRuling again = evaluator.rule(emergency).clause("rules.emergency").orElseThrow().exceptions().get(0);
    assertEquals(ExceptionRuling.Result.MET, first.result());
    assertSame(first.conditions().get(0), again.conditions().get(0));
  }

  @Test
  void anExceptionForOneOfficeActingJointlyIsNotMetInTheWordsOfASingleOffice() {
    Policy jointly = PolicyLoader.standard().parse(PolicyText.opening("jointly", "Jointly", "1") + """
        roles:
          - {id: staff, title: Staff}
        offices:
          - {id: board, title: Board}
        breachCategories:
          - {id: conduct, title: Conduct}
        sections:
          - id: rules
            title: Rules
            clauses:
              - id: rules.sign
                kind: prohibition
                text: Nobody may sign without the Board.
                category: conduct
                exceptions:
                  - {id: rules.sign.board, text: without the Board, office: board, acting: jointly, timing: any}
        """, "jointly.yaml");
    ClauseRuling sign = Evaluator.of(jointly).rule(incident("staff").addClauses("rules.sign").build()).clause("rules.sign").orElseThrow();
    assertEquals("no permission from board is recorded, so the exception 'rules.sign.board' is not met",
        sign.exceptions().get(0).reason());
  }
}
