package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.BreachCategory;
import dev.precept.model.Office;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

  @Test
  void aWarmedEvaluatorRulesAsANewOneWhenPermissionsComeAndGo() {
    // A clause with exceptions is recalled only while the incident records no permission.
    List<Incident> incidents = new ArrayList<>();
    int n = 0;
    for (Role role : SEED.roles()) {
      for (BreachCategory category : SEED.breachCategories()) {
        incidents.add(Incident.builder().id("bare-" + n++).person(Person.holding(role.id())).addCategories(category.id()).build());
        for (Office office : SEED.offices()) {
          for (Permission.Given given : Permission.Given.values()) {
            for (PermissionForm form : PermissionForm.values()) {
              incidents.add(Incident.builder().id("permitted-" + n++).person(Person.holding(role.id()))
                  .addCategories(category.id())
                  .addPermissions(Permission.builder().office(office.id()).given(given).form(form).build()).build());
            }
          }
        }
      }
    }
    Evaluator warmed = Evaluator.of(SEED);
    for (int round = 0; round < 3; round++) {
      incidents.forEach(warmed::rule);
      Collections.reverse(incidents);
    }
    for (Incident incident : incidents) {
      assertEquals(Rulings.toJson(Evaluator.of(SEED).rule(incident)), Rulings.toJson(warmed.rule(incident)), incident.id());
    }
  }

  @Test
  void everySemanticsCaseAndItsBareIncidentRuleByAWarmedEvaluatorAsByANewOne() throws IOException {
    // Staged steps, factors, exceptions, deeming, decisions and duties: each case's incident, and
    // the same incident with nothing recorded, ruled in turn by one evaluator in several orders.
    for (Path folder : SemanticsCorpusTest.folders()) {
      Policy policy = PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      List<Incident> incidents = new ArrayList<>();
      for (PolicyCase policyCase : CaseSuite.load(folder.resolve("policy.cases.yaml"), policy).cases()) {
        Incident incident = policyCase.incident();
        incidents.add(incident);
        incidents.add(Incident.builder().from(incident).id(incident.id() + "-bare").facts(Map.of()).decisions(Map.of())
            .permissions(List.of()).steps(Map.of()).done(Map.of()).build());
      }
      Evaluator warmed = Evaluator.of(policy);
      for (int round = 0; round < 3; round++) {
        incidents.forEach(warmed::rule);
        Collections.reverse(incidents);
      }
      for (Incident incident : incidents) {
        assertEquals(Rulings.toJson(Evaluator.of(policy).rule(incident)), Rulings.toJson(warmed.rule(incident)),
            folder.getFileName() + ": " + incident.id());
      }
    }
  }
}
