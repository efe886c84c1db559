package dev.precept.eval.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Permission;
import dev.precept.eval.Person;
import dev.precept.eval.Ruling;
import dev.precept.model.Consequence;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.testkit.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a policy compiles to, as rulings show it: who acts on a consequence and in which words,
 * where a referral goes, the procedure it follows, the role paths, and the consequences each role
 * and breach category can lead to.
 */
class CompiledPolicyTest {
  static final Policy POLICY = PolicyLoader.standard().parse(PolicyText.opening("compiled", "Compiled", "1") + """
      instruments:
        - {id: disciplinary, title: Disciplinary Procedure}
      roles:
        - {id: staff, title: Staff, memberOf: [employees, team]}
        - {id: volunteer, title: Volunteers, memberOf: [helpers]}
        - {id: trustee, title: Trustees}
      groups:
        - {id: employees, title: employees, memberOf: [workforce]}
        - {id: team, title: the team, memberOf: [workforce]}
        - {id: helpers, title: helpers, memberOf: [workforce]}
        - {id: workforce, title: the workforce}
      offices:
        - {id: board, title: Board}
        - {id: ceo, title: Chief Executive}
        - {id: clerk, title: the Clerk}
        - {id: police, title: Police}
      breachCategories:
        - {id: conduct, title: Conduct}
        - {id: money, title: Money}
        - {id: quiet, title: A category with no rule}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.logo, kind: prohibition, text: Nobody may use the logo., category: conduct, appliesTo: [workforce]}
            - {id: rules.money, kind: prohibition, text: Staff must not spend without approval., category: money, appliesTo: [employees]}
      consequences:
        - {id: any-office, clause: rules.logo, appliesTo: [workforce], categories: [conduct], modality: must, actors: [board, ceo, clerk], action: take action}
        - {id: all-offices, clause: rules.logo, appliesTo: [employees], categories: [conduct], modality: may, actors: [board, ceo, clerk], acting: jointly, action: review the case}
        - {id: two-offices, clause: rules.logo, appliesTo: [employees], categories: [conduct], modality: may, actors: [ceo, clerk], action: warn the person}
        - {id: to-police, clause: rules.logo, appliesTo: [workforce], categories: [conduct], modality: must, action: be reported to the police, referTo: police}
        - {id: under-procedure, clause: rules.logo, appliesTo: [staff], modality: may, action: lead to a hearing, procedure: disciplinary}
        - {id: to-procedure, clause: rules.logo, appliesTo: [volunteer], categories: [conduct], modality: may, action: be handled as a staff matter, referTo: disciplinary}
      """, "compiled.yaml");

  /**
   * A fresh evaluator for each use: PIT credits a test only with code run inside it, so compiling
   * the policy once in a static field would hide the compiled indexes from every test here.
   */
  private static Evaluator evaluator() {
    return Evaluator.of(POLICY);
  }

  private static Ruling staffUsingTheLogo() {
    return evaluator().rule(Incident.builder().id("logo").person(Person.holding("staff")).addClauses("rules.logo").build());
  }

  private static ConsequenceRuling consequence(String id) {
    return staffUsingTheLogo().consequence(id).orElseThrow();
  }

  /** The clerk's office is titled "the Clerk": its article is never doubled ("or the the Clerk"). */
  @Test
  void anyOfThreeOfficesActingIsNamedWithOr() {
    ConsequenceRuling any = consequence("any-office");
    assertEquals("The Board, the Chief Executive or the Clerk must take action.", any.statement());
    assertEquals("Board, the Chief Executive or the Clerk", any.actor().orElseThrow());
    assertEquals(List.of("Board", "Chief Executive", "the Clerk"), any.actors());
  }

  @Test
  void threeOfficesActingJointlyAreNamedWithAnd() {
    ConsequenceRuling all = consequence("all-offices");
    assertEquals("The Board, the Chief Executive and the Clerk may review the case.", all.statement());
    assertEquals("Board, the Chief Executive and the Clerk", all.actor().orElseThrow());
  }

  @Test
  void twoOfficesEitherOfWhichMayActAreJoinedByOr() {
    ConsequenceRuling two = consequence("two-offices");
    assertEquals("The Chief Executive or the Clerk may warn the person.", two.statement());
    assertEquals(List.of("Chief Executive", "the Clerk"), two.actors());
  }

  @Test
  void aConsequenceWithNoOfficeHasTheBreachAsItsSubjectAndNoActor() {
    ConsequenceRuling hearing = consequence("under-procedure");
    assertEquals("The breach may lead to a hearing.", hearing.statement());
    assertTrue(hearing.actor().isEmpty(), hearing.toString());
    assertEquals(List.of(), hearing.actors());
    assertEquals("Disciplinary Procedure", hearing.procedure().orElseThrow());
    assertEquals(ConsequenceRuling.Kind.SANCTION, hearing.kind());
  }

  @Test
  void aReferralToAnOfficeNamesTheOfficeAndOneToAnInstrumentNamesTheInstrument() {
    ConsequenceRuling police = consequence("to-police");
    assertEquals(ConsequenceRuling.Kind.REFERRAL, police.kind());
    assertEquals("Police", police.referral().orElseThrow());
    assertTrue(police.procedure().isEmpty());
    Ruling volunteer = evaluator().rule(Incident.builder().id("v").person(Person.holding("volunteer")).addClauses("rules.logo").build());
    assertEquals("Disciplinary Procedure", volunteer.consequence("to-procedure").orElseThrow().referral().orElseThrow());
  }

  @Test
  void aRoleReachesEachGroupByItsShortestFirstDeclaredPath() {
    CompiledPolicy compiled = new CompiledPolicy(POLICY);
    assertEquals(Map.of(
        "staff", List.of("staff"),
        "employees", List.of("staff", "employees"),
        "team", List.of("staff", "team"),
        "workforce", List.of("staff", "employees", "workforce")), compiled.reachOf("staff"));
    assertEquals(List.of("staff", "employees", "team", "workforce"), List.copyOf(compiled.reachOf("staff").keySet()),
        "breadth first, in declaration order");
    assertEquals(Map.of(), compiled.reachOf("nobody"));
    assertEquals(List.of(
        Ruling.Membership.of("staff", List.of("staff")),
        Ruling.Membership.of("employees", List.of("staff", "employees")),
        Ruling.Membership.of("team", List.of("staff", "team")),
        Ruling.Membership.of("workforce", List.of("staff", "employees", "workforce"))), staffUsingTheLogo().person());
  }

  @Test
  void theScopeOfABreachIsThePathToTheGroupTheRuleNames() {
    assertEquals(List.of("staff", "employees", "workforce"), staffUsingTheLogo().clause("rules.logo").orElseThrow().scope());
    assertTrue(staffUsingTheLogo().clause("rules.logo").orElseThrow().reason()
        .startsWith("breached: it applies to workforce (staff -> employees -> workforce)"));
  }

  @Test
  void possibleConsequencesAreThoseOfTheRolesGroupsForTheCategoryInPolicyOrder() {
    assertEquals(List.of("any-office", "all-offices", "two-offices", "to-police", "under-procedure"),
        ids(evaluator().possibleConsequences("staff", "conduct")));
    assertEquals(List.of("any-office", "to-police", "to-procedure"), ids(evaluator().possibleConsequences("volunteer", "conduct")));
    assertEquals(List.of("under-procedure"), ids(evaluator().possibleConsequences("staff", "money")),
        "a consequence for any breach answers to every category");
  }

  @Test
  void noConsequenceIsPossibleWhereNoRuleInTheCategoryReachesTheRole() {
    assertEquals(List.of(), evaluator().possibleConsequences("volunteer", "money"), "rules.money is for employees only");
    assertEquals(List.of(), evaluator().possibleConsequences("staff", "quiet"), "no rule in the category");
    assertEquals(List.of(), evaluator().possibleConsequences("trustee", "conduct"), "no consequence for the role at all");
  }

  @Test
  void theConsequencesForSeveralRolesAreTheUnionOfEachRolesOwn() {
    CompiledPolicy compiled = new CompiledPolicy(POLICY);
    assertEquals("{0, 1, 2, 3, 4, 5}", compiled.consequencesForRoles(List.of("staff", "volunteer", "trustee")).toString());
    assertEquals("{0, 3, 5}", compiled.consequencesForRoles(List.of("volunteer")).toString());
    assertEquals("{}", compiled.consequencesForRoles(List.of("trustee")).toString());
    assertEquals("{0, 1, 2, 3, 4, 5}", compiled.consequencesFor("conduct").toString());
    assertEquals("{4}", compiled.consequencesFor("money").toString());
    assertEquals("{4}", compiled.consequencesFor("quiet").toString());
  }

  private static List<String> ids(List<Consequence> consequences) {
    return consequences.stream().map(Consequence::id).toList();
  }

  /** Clauses for two and for three roles or groups, each reached by a different role. */
  static final Policy SCOPES = PolicyLoader.standard().parse(PolicyText.opening("scopes", "Scopes", "1") + """
      roles:
        - {id: staff, title: Staff, memberOf: [employees]}
        - {id: volunteer, title: Volunteers, memberOf: [helpers]}
        - {id: trustee, title: Trustees, memberOf: [governance]}
        - {id: visitor, title: Visitors}
      groups:
        - {id: employees, title: employees}
        - {id: helpers, title: helpers}
        - {id: governance, title: governance}
      offices:
        - {id: board, title: Board}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.two, kind: prohibition, text: Do not shout., category: conduct, appliesTo: [employees, helpers]}
            - {id: rules.three, kind: prohibition, text: Do not run., category: conduct, appliesTo: [employees, helpers, governance]}
      consequences:
        - {id: talk, clause: rules.two, appliesTo: [helpers, governance], categories: [conduct], modality: must, action: be spoken to}
      """, "scopes.yaml");

  private static ClauseRulingView scopeOf(String role, String clause) {
    Ruling ruling = Evaluator.of(SCOPES).rule(Incident.builder().id("i").person(Person.holding(role)).addClauses(clause).build());
    dev.precept.eval.ClauseRuling ruled = ruling.clause(clause).orElseThrow();
    return new ClauseRulingView(ruled.outcome().name(), ruled.scope());
  }

  private record ClauseRulingView(String outcome, List<String> scope) {}

  @Test
  void aClauseForTwoGroupsPutsAHolderOfEitherInScopeThroughTheGroupHeIsIn() {
    assertEquals(new ClauseRulingView("BREACHED", List.of("staff", "employees")), scopeOf("staff", "rules.two"));
    assertEquals(new ClauseRulingView("BREACHED", List.of("volunteer", "helpers")), scopeOf("volunteer", "rules.two"));
    assertEquals(new ClauseRulingView("NOT_APPLICABLE", List.of()), scopeOf("trustee", "rules.two"));
  }

  @Test
  void aClauseForThreeGroupsPutsAHolderOfTheLastInScopeThroughIt() {
    assertEquals(new ClauseRulingView("BREACHED", List.of("trustee", "governance")), scopeOf("trustee", "rules.three"));
    assertEquals(new ClauseRulingView("BREACHED", List.of("volunteer", "helpers")), scopeOf("volunteer", "rules.three"));
    assertEquals(new ClauseRulingView("NOT_APPLICABLE", List.of()), scopeOf("visitor", "rules.three"));
  }

  @Test
  void aConsequenceForTwoGroupsReachesAHolderOfTheSecondThroughIt() {
    Ruling ruling = Evaluator.of(SCOPES).rule(Incident.builder().id("i").person(Person.holding("volunteer"))
        .addClauses("rules.two").build());
    assertEquals(List.of("talk"), ruling.consequences().stream().map(ConsequenceRuling::consequence).toList());
    assertEquals(List.of("volunteer", "helpers"), ruling.consequences().get(0).scope());
  }

  @Test
  void rulingsCiteTheDigestOfThePolicyTheyWereMadeUnder() {
    Evaluator evaluator = evaluator();
    String digest = dev.precept.model.PolicyDigest.of(POLICY).toString();
    assertTrue(digest.startsWith("sha256:") && digest.length() == 71, digest);
    assertEquals(digest, evaluator.digest());
    assertEquals(digest, evaluator.rule(Incident.builder().id("d").person(Person.holding("staff")).addClauses("rules.logo").build())
        .digest());
  }

  @Test
  void aConsequenceOneOfficeActsOnNamesNoListOfActors() {
    Ruling ruling = Evaluator.of(RECALL).rule(Incident.builder().id("one").person(Person.holding("staff"))
        .addClauses("rules.logo").build());
    ConsequenceRuling review = ruling.consequence("review").orElseThrow();
    assertEquals("Board", review.actor().orElseThrow());
    assertEquals(List.of(), review.actors(), "a list only when several offices may act");
  }

  @Test
  void aRuleForEveryoneOpensItsCategorysConsequencesToEveryRoleAndARuleForAGroupOnlyToItsMembers() {
    Evaluator evaluator = Evaluator.of(RECALL);
    assertEquals(List.of("warning"), ids(evaluator.possibleConsequences("volunteer", "conduct")),
        "rules.logo is for everyone");
    assertEquals(List.of(), ids(evaluator.possibleConsequences("volunteer", "money")),
        "rules.money is for employees, although the warning is for volunteers too");
    assertEquals(List.of("warning", "sanction"), ids(evaluator.possibleConsequences("staff", "money")));
  }

  /**
   * Roles with and without attributes, a rule for everyone, a rule for a group with an exception,
   * a rule on an attribute and one on a composite condition; consequences with a shared condition, a
   * composite one, factors, and a step with a later step.
   */
  static final Policy RECALL = PolicyLoader.standard().parse(PolicyText.opening("recall", "Recall", "1") + """
      roles:
        - {id: staff, title: Staff, memberOf: [employees], attributes: {senior: true}}
        - {id: volunteer, title: Volunteers, attributes: {senior: false}}
        - {id: trustee, title: Trustees}
      groups:
        - {id: employees, title: employees}
      offices:
        - {id: board, title: Board}
      attributes:
        - {id: senior, type: boolean, description: 'Is the person senior?'}
      facts:
        - {id: finding, type: enum, values: [pending, breach], description: 'What did the investigation find?'}
        - {id: online, type: boolean, description: 'Was it online?'}
        - {id: severity, type: integer, description: 'How severe was it?'}
      breachCategories:
        - {id: conduct, title: Conduct}
        - {id: money, title: Money}
      sections:
        - id: rules
          title: Rules
          clauses:
            - {id: rules.logo, kind: prohibition, text: Nobody may use the logo., category: conduct}
            - id: rules.money
              kind: prohibition
              text: Employees must not spend without the Board's approval.
              category: money
              appliesTo: [employees]
              exceptions:
                - {id: rules.money.board, text: without the Board's approval, office: board, timing: prior}
            - id: rules.senior
              kind: prohibition
              text: Senior people must not sign alone.
              category: conduct
              when:
                - {attribute: senior, is: true}
            - id: rules.online
              kind: prohibition
              text: Nobody may post the logo other than online.
              category: conduct
              when:
                - not: {fact: online, is: true}
      consequences:
        - {id: warning, clause: rules.logo, appliesTo: [staff, volunteer], modality: must, action: give a warning, when: [{fact: finding, is: breach}]}
        - {id: hearing, clause: rules.logo, appliesTo: [staff], categories: [conduct], modality: may, action: lead to a hearing, when: [{not: {fact: online, is: false}}]}
        - {id: review, clause: rules.logo, appliesTo: [employees], categories: [conduct], modality: must, actor: board, action: review the case, outcomes: [upheld, dropped]}
        - {id: appeal, clause: rules.logo, appliesTo: [employees], categories: [conduct], modality: may, action: lead to an appeal, after: {step: review, outcome: upheld}}
        - {id: sanction, clause: rules.money, appliesTo: [employees], categories: [money], modality: may, actor: board, action: impose a sanction, options: [a reprimand, a fine], factors: [severity]}
      """, "recall.yaml");

  private static final Permission BOARD_AFTER = Permission.builder().office("board").given(Permission.Given.AFTER)
      .form(dev.precept.model.PermissionForm.WRITTEN).build();

  /** Each role with each category, with and without a permission: the incidents a warm evaluator has seen. */
  private static List<Incident> everyRoleAndCategory() {
    List<Incident> incidents = new ArrayList<>();
    for (String role : List.of("staff", "volunteer", "trustee")) {
      for (String category : List.of("conduct", "money")) {
        incidents.add(Incident.builder().id(role + "-" + category).person(Person.holding(role)).addCategories(category).build());
        incidents.add(Incident.builder().id(role + "-" + category + "-permitted").person(Person.holding(role))
            .addCategories(category).addPermissions(BOARD_AFTER).build());
      }
    }
    return incidents;
  }

  /**
   * What keeps a ruling's allocation low: a warm evaluator hands back the clause and consequence
   * rulings it made before for the same role and incident, even after rulings for other roles,
   * categories and permissions, rather than making equal ones again.
   */
  @Test
  void aWarmEvaluatorGivesTheVerySameRulingsForAnIncidentItRuledOnBeforeWhateverCameBetween() {
    Evaluator evaluator = Evaluator.of(RECALL);
    List<Ruling> first = new ArrayList<>();
    for (Incident incident : everyRoleAndCategory()) {
      first.add(evaluator.rule(incident));
    }
    List<Incident> incidents = everyRoleAndCategory();
    int recalled = 0;
    for (int i = 0; i < incidents.size(); i++) {
      Ruling before = first.get(i);
      Ruling again = evaluator.rule(incidents.get(i));
      assertEquals(before, again);
      for (int c = 0; c < before.clauses().size(); c++) {
        ClauseRuling clause = before.clauses().get(c);
        if (clause.exceptions().isEmpty() || incidents.get(i).permissions().isEmpty()) {
          assertSame(clause, again.clauses().get(c), incidents.get(i).id() + ": " + clause.clause());
          recalled++;
        } else {
          assertNotSame(clause, again.clauses().get(c), "a permission may meet an exception: made afresh");
        }
      }
      for (int c = 0; c < before.consequences().size(); c++) {
        assertSame(before.consequences().get(c), again.consequences().get(c),
            incidents.get(i).id() + ": " + before.consequences().get(c).consequence());
        recalled++;
      }
    }
    assertEquals(37, recalled);
  }

  @Test
  void aRulingWhoseConditionIsNotOneOfThoseSharedDoesNotPushOutTheRulingsThatAre() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident bare = Incident.builder().id("bare").person(Person.holding("staff")).addCategories("conduct").build();
    Ruling first = evaluator.rule(bare);
    ClauseRuling unrecorded = first.clause("rules.online").orElseThrow();
    assertEquals(dev.precept.eval.Outcome.UNDETERMINED, unrecorded.outcome());
    assertEquals(List.of("online"), unrecorded.undecidedBy());
    assertEquals("whether it applies depends on online, which the incident does not record", unrecorded.reason());
    // "not online is true" and "not online is false" are checked afresh whenever online is recorded.
    Ruling online = evaluator.rule(Incident.builder().from(bare).id("online").fact("online", true).build());
    assertEquals(dev.precept.eval.Outcome.NOT_APPLICABLE, online.clause("rules.online").orElseThrow().outcome());
    assertEquals(ConsequenceRuling.Status.APPLIES, online.consequence("hearing").orElseThrow().status());
    Ruling again = evaluator.rule(bare);
    assertSame(first.clause("rules.online").orElseThrow(), again.clause("rules.online").orElseThrow());
    assertSame(first.consequence("hearing").orElseThrow(), again.consequence("hearing").orElseThrow());
  }

  @Test
  void aConsequenceIsMadeAfreshWhenTheIncidentRecordsWhatItWeighs() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident bare = Incident.builder().id("bare").person(Person.holding("staff")).addCategories("money").build();
    ConsequenceRuling unweighed = evaluator.rule(bare).consequence("sanction").orElseThrow();
    assertEquals(Optional.empty(), unweighed.factors().get(0).value());
    ConsequenceRuling weighed = evaluator.rule(Incident.builder().from(bare).id("weighed").fact("severity", 3).build())
        .consequence("sanction").orElseThrow();
    assertEquals(Optional.of("3"), weighed.factors().get(0).value());
    ConsequenceRuling heavier = evaluator.rule(Incident.builder().from(bare).id("heavier").fact("severity", 5).build())
        .consequence("sanction").orElseThrow();
    assertEquals(Optional.of("5"), heavier.factors().get(0).value());
    assertSame(unweighed, evaluator.rule(bare).consequence("sanction").orElseThrow(), "nothing weighed: recalled");
  }

  @Test
  void aStepRuledOnTwiceInARowIsTheVerySameRulingAndAnotherOutcomeIsANewOne() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident open = Incident.builder().id("open").person(Person.holding("staff")).addClauses("rules.logo").build();
    ConsequenceRuling review = evaluator.rule(open).consequence("review").orElseThrow();
    assertTrue(review.step().orElseThrow().current(), review.toString());
    assertSame(review, evaluator.rule(open).consequence("review").orElseThrow());
    Incident upheld = Incident.builder().from(open).id("upheld").putStep("review", "upheld").build();
    ConsequenceRuling ended = evaluator.rule(upheld).consequence("review").orElseThrow();
    assertNotSame(review, ended);
    assertEquals(Optional.of("upheld"), ended.step().orElseThrow().outcome());
    assertEquals(List.of(), evaluator.rule(upheld).consequence("appeal").orElseThrow().dependsOn());
    assertEquals(List.of("review ends upheld"), evaluator.rule(open).consequence("appeal").orElseThrow().dependsOn(),
        "a later step waits on how the step it follows ends");
  }

  @Test
  void aClauseNotForTheRoleIsRecalledForEachRoleInTurn() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident trustee = Incident.builder().id("t").person(Person.holding("trustee")).addClauses("rules.money").build();
    Incident volunteer = Incident.builder().id("v").person(Person.holding("volunteer")).addClauses("rules.money").build();
    ClauseRuling forTrustee = evaluator.rule(trustee).clause("rules.money").orElseThrow();
    ClauseRuling forVolunteer = evaluator.rule(volunteer).clause("rules.money").orElseThrow();
    assertEquals("it applies to employees, and a volunteer is in none of them", forVolunteer.reason());
    assertSame(forTrustee, evaluator.rule(trustee).clause("rules.money").orElseThrow());
    assertSame(forVolunteer, evaluator.rule(volunteer).clause("rules.money").orElseThrow());
  }

  /**
   * A clause keeps a ruling for each role up to 128 roles: with more than 16 (the table's old
   * size) a clause's rulings for one role no longer push out another's.
   */
  @Test
  void aClauseRuledForEachOfThirtyRolesIsRecalledForEveryOneOfThem() {
    Policy policy = dev.precept.testkit.PolicyGenerator.generate(7, 300);
    assertTrue(policy.roles().size() >= 30, "roles: " + policy.roles().size());
    Evaluator evaluator = Evaluator.of(policy);
    List<Incident> incidents = new ArrayList<>();
    for (dev.precept.model.Role role : policy.roles()) {
      for (dev.precept.model.Clause clause : policy.allClauses().subList(0, 20)) {
        incidents.add(Incident.builder().id(role.id() + "-" + clause.id()).person(Person.holding(role.id()))
            .addClauses(clause.id()).build());
      }
    }
    List<ClauseRuling> first = new ArrayList<>();
    for (Incident incident : incidents) {
      first.add(evaluator.rule(incident).clauses().get(0));
    }
    int recalled = 0;
    for (int i = 0; i < incidents.size(); i++) {
      ClauseRuling again = evaluator.rule(incidents.get(i)).clauses().get(0);
      assertEquals(first.get(i), again);
      recalled += again == first.get(i) ? 1 : 0;
    }
    int recallable = 0;
    for (int i = 0; i < incidents.size(); i++) {
      dev.precept.model.Clause clause = policy.allClauses().get(i % 20);
      boolean outOfScope = first.get(i).outcome() == dev.precept.eval.Outcome.NOT_APPLICABLE;
      recallable += outOfScope || clause.category().isPresent() && clause.duty().isEmpty() ? 1 : 0;
    }
    assertTrue(recallable > incidents.size() / 2, "recallable: " + recallable + " of " + incidents.size());
    assertTrue(recalled >= recallable, "recalled " + recalled + " of " + recallable + " recallable rulings");
  }

  @Test
  void aRuleOnAnAttributeTheRoleHoldsFalseIsRecalledToo() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident volunteer = Incident.builder().id("v").person(Person.holding("volunteer")).addClauses("rules.senior").build();
    ClauseRuling senior = evaluator.rule(volunteer).clause("rules.senior").orElseThrow();
    assertEquals(dev.precept.eval.Outcome.NOT_APPLICABLE, senior.outcome());
    assertSame(senior, evaluator.rule(volunteer).clause("rules.senior").orElseThrow());
  }

  @Test
  void aClauseAnAcademyTailoredSaysSoInItsRuling() {
    dev.precept.model.Section rules = POLICY.sections().get(0);
    dev.precept.model.Clause logo = dev.precept.model.Clause.builder().from(rules.clauses().get(0))
        .origin(dev.precept.model.ClauseOrigin.builder().tailoring(dev.precept.model.TailoringKind.REPLACE).academy("Hill Academy").build())
        .build();
    Policy tailored = Policy.builder().from(POLICY).sections(List.of(dev.precept.model.Section.builder().from(rules)
        .clauses(List.of(logo, rules.clauses().get(1))).build())).build();
    Ruling ruling = Evaluator.of(tailored).rule(Incident.builder().id("t").person(Person.holding("staff"))
        .addClauses("rules.logo", "rules.money").build());
    assertEquals(Optional.of("local to Hill Academy (text replaced)"), ruling.clause("rules.logo").orElseThrow().origin());
    assertEquals(Optional.empty(), ruling.clause("rules.money").orElseThrow().origin(), "the master's own clause");
  }

  @Test
  void aConsequenceWhoseConditionTheIncidentDecidesIsRecalledForTheSameFinding() {
    Evaluator evaluator = Evaluator.of(RECALL);
    Incident found = Incident.builder().id("found").person(Person.holding("volunteer")).addClauses("rules.logo")
        .fact("finding", "breach").build();
    ConsequenceRuling warning = evaluator.rule(found).consequence("warning").orElseThrow();
    assertEquals(ConsequenceRuling.Status.APPLIES, warning.status());
    assertSame(warning, evaluator.rule(found).consequence("warning").orElseThrow());
  }
}
