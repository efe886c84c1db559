package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a program reading a loaded policy asks of it: each declared thing by id, who acts on a
 * consequence or may excuse a clause, whether a consequence is a referral, and the parts of a
 * condition.
 */
class PolicyQueriesTest {
  private static final Policy POLICY = PolicyLoader.standard().parse("""
      schemaVersion: 1
      id: queries
      metadata:
        organisation: Example Trust
        title: Example
        version: "1"
        status: draft
        dates: {drafted: 2024-01-01}
        reviewFrequency: P1Y
        approval: {body: board}
        signatories: [{office: board}]
      roles:
        - {id: staff, title: Staff, memberOf: [employees]}
      groups:
        - {id: employees, title: employees}
      offices:
        - {id: board, title: Board}
        - {id: ceo, title: CEO}
        - {id: clerk, title: Clerk}
      instruments:
        - {id: members-code, title: Members' Code of Conduct}
      facts:
        - {id: finding, type: enum, values: [pending, misconduct, gross], description: 'What was found?'}
        - {id: working-hours, type: boolean, description: 'In working hours?'}
      breachCategories:
        - {id: conduct, title: Conduct}
      sections:
        - id: rules
          title: Rules
          clauses:
            - id: rules.logo
              kind: prohibition
              text: Using the logo without permission.
              category: conduct
              exceptions:
                - {id: rules.logo.permission, text: without permission, offices: [ceo, clerk], acting: jointly, timing: prior}
                - {id: rules.logo.board, text: unless the board agrees, office: board, timing: prior}
      consequences:
        - id: any-office
          clause: rules.logo
          appliesTo: [employees]
          modality: must
          actor: board
          actors: [board, ceo]
          action: take action
          when:
            - all:
                - {fact: finding, in: [misconduct, gross]}
                - any:
                    - {fact: working-hours, is: 'true'}
                    - not: {fact: finding, is: pending}
        - {id: all-offices, clause: rules.logo, appliesTo: [employees], modality: may, actors: [ceo, clerk], acting: jointly, action: review the case}
        - {id: to-code, clause: rules.logo, appliesTo: [employees], modality: must, action: be dealt with under the code, referTo: members-code}
      """, "queries.yaml");

  @Test
  void eachDeclaredThingIsFoundByItsIdAndNothingByAnotherKindsId() {
    assertEquals("employees", POLICY.group("employees").orElseThrow().id());
    assertEquals(Optional.empty(), POLICY.group("staff"));
    assertEquals("finding", POLICY.fact("finding").orElseThrow().id());
    assertEquals(Optional.empty(), POLICY.fact("conduct"));
    assertEquals("members-code", POLICY.instrument("members-code").orElseThrow().id());
    assertEquals(Optional.empty(), POLICY.instrument("board"));
    assertEquals("conduct", POLICY.breachCategory("conduct").orElseThrow().id());
    assertEquals(Optional.empty(), POLICY.breachCategory("finding"));
  }

  @Test
  void whoActsOnAConsequenceAndWhoMayExcuseAClauseIsEachOfficeOnceInOrder() {
    Consequence any = POLICY.consequences().get(0);
    Consequence joint = POLICY.consequences().get(1);
    Consequence referral = POLICY.consequences().get(2);
    assertEquals(List.of(List.of("board", "ceo"), List.of("ceo", "clerk"), List.of()),
        List.of(any.actingOffices(), joint.actingOffices(), referral.actingOffices()));
    assertEquals(List.of(false, true, false), List.of(any.jointly(), joint.jointly(), referral.jointly()));
    assertEquals(List.of(false, false, true), List.of(any.isReferral(), joint.isReferral(), referral.isReferral()));
    List<ClauseException> exceptions = POLICY.allClauses().get(0).exceptions();
    assertEquals(List.of(List.of("ceo", "clerk"), List.of("board")), exceptions.stream().map(ClauseException::authorities).toList());
    assertEquals(List.of(true, false), exceptions.stream().map(ClauseException::jointly).toList());
  }

  @Test
  void aConditionNamesItsSubjectAndValuesAndListsItsPartsDepthFirst() {
    Condition all = POLICY.consequences().get(0).when().get(0);
    assertEquals(List.of("all", "finding", "any", "working-hours", "not", "finding"), all.flatten().stream().map(Condition::subject).toList());
    assertEquals(List.of(List.of(), List.of("misconduct", "gross"), List.of(), List.of("true"), List.of(), List.of("pending")),
        all.flatten().stream().map(Condition::values).toList());
    assertEquals(List.of(false, true, false, true, false, true), all.flatten().stream().map(Condition::isMembership).toList());
    assertFalse(Condition.builder().fact("n").atLeast("2").build().isMembership());
    assertEquals("decision vote", "decision " + Condition.builder().decision("vote").carried("majority").build().subject());
    assertEquals("attribute adult", "attribute " + Condition.builder().attribute("adult").is("true").build().subject());
  }

  @Test
  void theConditionFactoriesBuildWhatTheyName() {
    Condition is = Condition.factIs("finding", "gross");
    Condition in = Condition.factIn("finding", List.of("misconduct", "gross"));
    assertEquals(List.of("finding", "gross"), List.of(is.subject(), is.is().orElseThrow()));
    assertEquals(List.of("misconduct", "gross"), in.in());
    assertEquals(List.of(is, in), Condition.allOf(List.of(is, in)).all());
    assertEquals(List.of(is, in), Condition.anyOf(List.of(is, in)).any());
    assertEquals(is, Condition.negation(is).not().orElseThrow());
    assertTrue(Condition.negation(is).isComposite());
  }
}
