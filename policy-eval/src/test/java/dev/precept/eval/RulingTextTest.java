package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ruling for people cites paragraphs as the document numbers them, and reads as English. */
class RulingTextTest {
  private static final Policy COUNCIL = PolicyLoader.standard().parse(TestPolicies.HEADER.replace("{id: board, title: Board}",
      "{id: board, title: Board}\n  - {id: council, title: the Council}") + """
      sections:
        - id: intro
          title: Introduction
          clauses:
            - {id: intro.scope, kind: scope, text: This policy applies to staff.}
        - id: rules
          title: Rules
          clauses:
            - id: rules.lead
              kind: statement
              text: "The following are not acceptable:"
              items:
                - {id: rules.logo, kind: prohibition, text: Using the logo., category: conduct}
                - {id: rules.name, kind: prohibition, text: Using the name., category: conduct}
      consequences:
        - {id: council.action, clause: rules.lead, appliesTo: [employees], categories: [conduct], modality: must, actor: council, action: take action}
        - {id: staff.investigation, clause: rules.lead, appliesTo: [employees], categories: [conduct], modality: must, action: be investigated}
      """, "council.yaml");

  private static String text(String clause) {
    Ruling ruling = Evaluator.of(COUNCIL).rule(Incident.builder().id("i-1").person(Person.holding("staff")).addClauses(clause).build());
    return Rulings.toText(ruling, COUNCIL);
  }

  @Test
  void citesTheBreachedClauseByItsParagraphNumber() {
    String text = text("rules.name");
    assertTrue(text.contains("\nParagraph 2.1(b): BREACHED\n"), text);
    assertTrue(text.contains("from paragraph 2.1]"), text);
    assertFalse(text.contains("rules.name"), "the clause id stays in the JSON: " + text);
  }

  @Test
  void anOfficeTitledTheCouncilIsNotTheTheCouncil() {
    String text = text("rules.logo");
    assertTrue(text.contains("- The Council must take action."), text);
    assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("the the"), text);
    Ruling ruling = Evaluator.of(COUNCIL).rule(Incident.builder().id("i-2").person(Person.holding("staff")).addClauses("rules.logo").build());
    assertTrue(ruling.consequences().stream().anyMatch(c -> c.statement().equals("The Council must take action.")), ruling.toString());
  }

  @Test
  void aConsequenceWithNoActorSaysWhichBreachItFollows() {
    String text = text("rules.logo");
    assertTrue(text.contains("- The breach of paragraph 2.1(a) must be investigated."), text);
  }

  @Test
  void checkTextCitesTheParagraphsAFindingConcerns() {
    CheckReport report = PolicyCheck.of(COUNCIL);
    String text = PolicyCheck.toText(report, COUNCIL);
    assertTrue(text.contains("no consequence for a volunteer who breaches rules.logo, rules.name (conduct): the policy is silent for this role\n"
        + "    concerns paragraph 2.1(a)\n"), text);
    assertFalse(PolicyCheck.toText(report).contains("concerns paragraph"), "without the policy, no numbers");
  }

  private static final Policy NOTE = PolicyLoader.standard().parse(TestPolicies.HEADER + """
      silent:
        - {id: volunteers-by-agreement, appliesTo: [volunteer], reason: volunteers sign an agreement instead}
      sections:
        - id: s
          title: S
          clauses:
            - id: s.aim
              kind: aim
              text: Keep the Trust's name safe.
              deems:
                - {fact: unused-fact, is: true, when: {fact: working-hours, is: true}}
            - id: s.rule
              kind: prohibition
              text: Nobody may use the Trust's name without permission.
              category: conduct
              exceptions:
                - {id: s.rule.board, text: with the Board's permission, office: board, timing: prior}
                - {id: s.rule.ceo, text: with the CEO's prior permission, office: ceo, timing: prior}
            - {id: s.volunteers, kind: prohibition, text: Volunteers may not sign letters., category: conduct, appliesTo: [volunteer]}
            - {id: s.referred, kind: prohibition, text: Staff may not keep empty files., category: empty, appliesTo: [staff]}
      consequences:
        - {id: warn, clause: s.rule, appliesTo: [employees], categories: [conduct], modality: must, actor: board, action: warn the person}
        - {id: refer, clause: s.rule, appliesTo: [employees], categories: [empty], modality: must, action: be referred to the Board, referTo: board}
      """, "note.yaml");

  @Test
  void theNoteShowsThePersonDeemedFactsClausesExceptionsConsequencesSilencesAndProblemsInThatOrder() {
    Incident incident = Incident.builder().id("t-1").person(Person.holding("staff", "volunteer"))
        .addClauses("s.aim", "s.rule", "s.volunteers", "s.referred", "s.gone")
        .fact("working-hours", true).fact("unused-fact", false)
        .addPermissions(Permission.builder().office("ceo").given(Permission.Given.AFTER).form(PermissionForm.WRITTEN).build())
        .build();
    Ruling ruling = Evaluator.of(NOTE).ruleAcrossEditions(incident);
    assertEquals("Ruling on incident t-1 under checked version 1 (" + ruling.digest() + ")\n"
        + "\n"
        + "The person: staff -> employees; volunteer\n"
        + "Deemed: unused-fact is true, by clause s.aim, because working-hours is true (the incident recorded\n"
        + "false).\n"
        + "\n"
        + "s.aim: NOT-APPLICABLE\n"
        + "  > \"Keep the Trust's name safe.\"\n"
        + "  's.aim' is an aim, not a rule that conduct can breach.\n"
        + "\n"
        + "s.rule: BREACHED\n"
        + "  > \"Nobody may use the Trust's name without permission.\"\n"
        + "  breached: it applies to everyone the policy concerns, staff and volunteer included; no permission\n"
        + "  from board is recorded, so the exception 's.rule.board' is not met; the exception 's.rule.ceo'\n"
        + "  needs permission given before the act, and ceo's was given after.\n"
        + "  - exception s.rule.board (not met): no permission from board is recorded, so the exception\n"
        + "    's.rule.board' is not met.\n"
        + "  - exception s.rule.ceo (not met): the exception 's.rule.ceo' needs permission given before the\n"
        + "    act, and ceo's was given after.\n"
        + "\n"
        + "s.volunteers: BREACHED\n"
        + "  > \"Volunteers may not sign letters.\"\n"
        + "  breached: it applies to volunteer (volunteer).\n"
        + "\n"
        + "s.referred: BREACHED\n"
        + "  > \"Staff may not keep empty files.\"\n"
        + "  breached: it applies to staff (staff).\n"
        + "\n"
        + "What must happen:\n"
        + "  - The Board must warn the person. [warn, from s.rule]\n"
        + "\n"
        + "Referrals that must be made (not sanctions of this policy):\n"
        + "  - The breach of s.referred must be referred to the Board. [refer, from s.rule]\n"
        + "This policy states no sanction of its own for: s.referred; it hands the matter on as above.\n"
        + "\n"
        + "The policy gives no consequence for this person's role for: s.volunteers (unspecified: none is borrowed from"
        + " another role).\n"
        + "  - s.volunteers: silent on purpose (volunteers-by-agreement): volunteers sign an agreement\n"
        + "    instead\n"
        + "\n"
        + "Problems with the incident:\n"
        + "  - the incident records unused-fact false, but clause s.aim deems it true because working-hours is true:"
        + " the deemed value is used\n"
        + "  - unknown clause 's.gone': not in policy checked\n", Rulings.toText(ruling));
    assertEquals(List.of("s.referred"), ruling.noSanctionStated());
    assertEquals(List.of("s.volunteers"), ruling.unspecified());
  }

  @Test
  void aNoteWithNoBreachSaysNoConsequenceFollows() {
    String none = Rulings.toText(Evaluator.of(NOTE).rule(Incident.builder().id("t-2").person(Person.holding("staff"))
        .addClauses("s.aim").build()));
    assertTrue(none.endsWith("\nNo breach: no consequence follows.\n"), none);
    String breach = Rulings.toText(Evaluator.of(NOTE).rule(Incident.builder().id("t-3").person(Person.holding("staff"))
        .addClauses("s.rule").build()));
    assertFalse(breach.contains("No breach"), breach);
    assertTrue(breach.contains("\nThe person: staff -> employees\n"), breach);
  }
}
