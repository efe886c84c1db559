package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a ruling words the conditions a consequence waits on when the incident does not record them:
 * all of, any of, not, an attribute and a decision, each as the policy writes it.
 */
class ConditionWordingTest {
  private static final Policy POLICY = PolicyLoader.standard().parse(TestPolicies.HEADER.replace(
      "  - {id: unused-fact, type: boolean, description: 'Never tested'}\n",
      "  - {id: unused-fact, type: boolean, description: 'Never tested'}\n"
          + "  - {id: finding, type: enum, values: [pending, misconduct, gross-misconduct], description: 'What was found?'}\n"
          + "  - {id: vote, type: decision, body: board, description: 'Does the board agree?'}\n") + """
      attributes:
        - {id: senior, type: boolean, description: 'Senior post?'}
      sections:
        - id: rules
          title: Rules
          clauses:
            - id: rules.logo
              kind: prohibition
              text: Using the logo without permission.
              category: conduct
      consequences:
        - id: dismissal
          clause: rules.logo
          appliesTo: [staff]
          modality: may
          action: lead to dismissal
          when:
            - all:
                - {fact: finding, is: gross-misconduct}
                - any:
                    - {fact: working-hours, is: true}
                    - not: {attribute: senior, is: true}
            - {decision: vote, carried: majority}
      """, "wording.yaml");

  @Test
  void aConsequenceWaitingOnUnrecordedConditionsNamesEachAsThePolicyWritesIt() {
    Ruling ruling = Evaluator.of(POLICY).rule(Incident.builder().id("x").person(Person.holding("staff")).addClauses("rules.logo").build());
    assertEquals(List.of("CONDITIONAL: [all of (finding is gross-misconduct; any of (working-hours is true; or not (attribute senior is true))),"
        + " decision vote is carried by a majority of the members]"), ruling.consequences().stream().map(c -> c.status() + ": " + c.dependsOn()).toList());
  }
}
