package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
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
}
