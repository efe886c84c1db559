package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.BreachCategory;
import dev.precept.model.Policy;
import dev.precept.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A clause's or consequence's ruling that depends only on the role and on shared checks is made
 * once and recalled; these tests hold a warmed evaluator, whose slots have been filled and
 * replaced by other roles and facts, to the rulings of a new one.
 */
class RecalledRulingsTest {
  private static final Policy SEED = SeedPolicy.POLICY;

  /** Every role with every breach category, with no facts, then with each finding, in a fixed order. */
  private static List<Incident> incidents() {
    List<Incident> incidents = new ArrayList<>();
    String[] findings = {null, "breach", "misconduct", "gross-misconduct"};
    int n = 0;
    for (String finding : findings) {
      for (Role role : SEED.roles()) {
        for (BreachCategory category : SEED.breachCategories()) {
          Incident.Builder incident = Incident.builder().id("i-" + n++).person(Person.holding(role.id()))
              .addCategories(category.id());
          if (finding != null) {
            incident.fact("investigation-finding", finding).fact("during-working-hours", n % 2 == 0);
          }
          incidents.add(incident.build());
        }
      }
    }
    return incidents;
  }

  @Test
  void aWarmedEvaluatorRulesExactlyAsANewOneForEveryRoleCategoryAndFinding() {
    List<Incident> incidents = incidents();
    Evaluator warmed = Evaluator.of(SEED);
    for (int round = 0; round < 3; round++) {
      for (Incident incident : incidents) {
        warmed.rule(incident);
      }
    }
    for (Incident incident : incidents) {
      String fresh = Rulings.toJson(Evaluator.of(SEED).rule(incident));
      assertEquals(fresh, Rulings.toJson(warmed.rule(incident)), incident.id());
    }
  }

  @Test
  void theSameRoleAndCategoryRecallTheSameClauseRulings() {
    Evaluator evaluator = Evaluator.of(SEED);
    int recalled = 0;
    for (Incident incident : incidents().subList(0, SEED.roles().size() * SEED.breachCategories().size())) {
      Ruling first = evaluator.rule(incident);
      Ruling again = evaluator.rule(Incident.builder().from(incident).id("again").build());
      for (int i = 0; i < first.clauses().size(); i++) {
        String id = first.clauses().get(i).clause();
        var clause = SEED.allClauses().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        if (clause.exceptions().isEmpty() && clause.duty().isEmpty()) {
          assertSame(first.clauses().get(i), again.clauses().get(i), id);
          recalled++;
        } else {
          assertEquals(first.clauses().get(i), again.clauses().get(i), id);
        }
      }
    }
    assertTrue(recalled > 0, "some clause was recalled");
  }

  @Test
  void rulingsFromManyThreadsAtOnceAreTheRulingsOfOneThread() {
    List<Incident> incidents = incidents();
    List<String> expected = incidents.stream().map(i -> Rulings.toJson(Evaluator.of(SEED).rule(i))).toList();
    Evaluator shared = Evaluator.of(SEED);
    List<String> got = IntStream.range(0, incidents.size() * 4).parallel()
        .mapToObj(k -> Rulings.toJson(shared.rule(incidents.get(k % incidents.size())))).toList();
    for (int k = 0; k < got.size(); k++) {
      assertEquals(expected.get(k % incidents.size()), got.get(k), incidents.get(k % incidents.size()).id());
    }
  }
}
