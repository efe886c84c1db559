package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a ruling words a collective decision that a clause depends on: carried or not, the votes, what
 * was needed and by how many votes it fell short.
 */
class DecisionWordingTest {
  private static final String CONDITION = "          - {decision: trustees-view, carried: majority}\n";

  /** The collective-decisions corpus policy with its clause depending on this condition instead. */
  private static Policy policyWhere(String condition) throws IOException {
    String text = Files.readString(SemanticsCorpusTest.CORPUS.resolve("collective-decisions").resolve("policy.yaml"), StandardCharsets.UTF_8);
    if (!text.contains(CONDITION)) {
      throw new AssertionError("the corpus policy no longer holds: " + CONDITION);
    }
    return PolicyLoader.standard().parse(text.replace(CONDITION, "          - " + condition + "\n"), "decisions.yaml");
  }

  private static CollectiveDecision votes(int votesFor, int against, int abstained, int members) {
    return CollectiveDecision.builder().votesFor(votesFor).votesAgainst(against).abstained(abstained).members(members).build();
  }

  /** The outcome of the clause and the wording of its one condition, for each vote. */
  private static List<String> ruled(Policy policy, String decision, CollectiveDecision... votes) {
    Evaluator evaluator = Evaluator.of(policy);
    return java.util.Arrays.stream(votes).map(vote -> {
      ClauseRuling clause = evaluator.rule(Incident.builder().id("x").person(Person.holding("volunteer")).addClauses("conduct.breach")
          .putDecision(decision, vote).build()).clauses().get(0);
      return clause.outcome().word() + ": " + clause.conditions().get(0).detail().orElse("no detail");
    }).toList();
  }

  @Test
  void aMajorityNotReachedSaysHowManyVotesItFellShort() throws IOException {
    assertEquals(List.of(
            "not-applicable: not carried, 2 for to 2 against with 1 abstaining; a majority of the 5 members of the Board of Trustees is 3, 1 short",
            "not-applicable: not carried, 1 for to 3 against; a majority of the 5 members of the Board of Trustees is 3, 2 short",
            "breached: carried, 3 for to 2 against; a majority of the 5 members of the Board of Trustees is 3"),
        ruled(policyWhere("{decision: trustees-view, carried: majority}"), "trustees-view",
            votes(2, 2, 1, 5), votes(1, 3, 0, 5), votes(3, 2, 0, 5)));
  }

  @Test
  void aNumberOfVotesForIsMetExactlyOrSaysHowManyWereShort() throws IOException {
    assertEquals(List.of(
            "breached: carried, 2 for to 0 against; at least 2 of the 3 members of the Directors had to agree",
            "not-applicable: not carried, 1 for to 1 against with 1 abstaining; at least 2 of the 3 members of the Directors had to agree, 1 short",
            "not-applicable: not carried, 0 for to 3 against; at least 2 of the 3 members of the Directors had to agree, 2 short"),
        ruled(policyWhere("{decision: directors-agree, atLeast: 2}"), "directors-agree",
            votes(2, 0, 0, 3), votes(1, 1, 1, 3), votes(0, 3, 0, 3)));
  }

  @Test
  void unanimityNeedsEveryoneWhoTookPartForAndSomeoneVoting() throws IOException {
    assertEquals(List.of(
            "breached: carried unanimously, 4 for to 0 against, of the 4 members of the Board of Trustees who took part",
            "not-applicable: not unanimous, 4 for to 0 against with 1 abstaining, of the 5 members of the Board of Trustees who took part",
            "not-applicable: not unanimous, 4 for to 1 against, of the 5 members of the Board of Trustees who took part",
            "not-applicable: not unanimous, 0 for to 0 against, of the 0 members of the Board of Trustees who took part"),
        ruled(policyWhere("{decision: trustees-bar, carried: unanimous}"), "trustees-bar",
            votes(4, 0, 0, 5), votes(4, 0, 1, 5), votes(4, 1, 0, 5), votes(0, 0, 0, 5)));
  }
}
