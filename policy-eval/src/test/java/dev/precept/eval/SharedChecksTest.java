package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checks of conditions that do not depend on the incident are built once per policy and
 * shared by every ruling; these rulings prove a shared check is used only where it says exactly
 * what a new one would.
 */
class SharedChecksTest {
  private static final Policy DEEMING = PolicyLoader.standard()
      .load(Path.of("src/test/resources/semantics/deeming/policy.yaml"));
  private static final Evaluator EVALUATOR = Evaluator.of(DEEMING);

  private static Ruling rule(Incident.Builder incident) {
    return EVALUATOR.rule(incident.id("i").person(Person.holding("councillor")).addClauses("capacity.respect").build());
  }

  private static ConditionCheck condition(Ruling ruling) {
    return ruling.clause("capacity.respect").orElseThrow().conditions().get(0);
  }

  @Test
  void aFactTheIncidentDoesNotRecordIsUnknownInEveryRuling() {
    Ruling first = rule(Incident.builder());
    Ruling second = rule(Incident.builder());
    assertEquals(Outcome.UNDETERMINED, first.clause("capacity.respect").orElseThrow().outcome());
    assertEquals(List.of("official-capacity"), first.clause("capacity.respect").orElseThrow().undecidedBy());
    assertEquals(ConditionCheck.Result.UNKNOWN, condition(first).result());
    assertEquals(Optional.empty(), condition(first).actual());
    assertSame(condition(first), condition(second), "the unknown check is built once and shared");
  }

  @Test
  void aRecordedFactGivesTheCheckOfItsValue() {
    ConditionCheck met = condition(rule(Incident.builder().fact("official-capacity", true)));
    ConditionCheck notMet = condition(rule(Incident.builder().fact("official-capacity", false)));
    assertEquals(ConditionCheck.Result.SATISFIED, met.result());
    assertEquals(Optional.of("true"), met.actual());
    assertEquals(ConditionCheck.Result.DEFEATED, notMet.result());
    assertEquals(Optional.of("false"), notMet.actual());
    assertEquals(Optional.empty(), met.deemedBy());
  }

  @Test
  void aDeemedFactIsNeverGivenTheSharedCheckOfARecordedOne() {
    Ruling deemed = rule(Incident.builder().fact("gives-title", true).fact("official-capacity", true));
    ConditionCheck check = condition(deemed);
    assertEquals(ConditionCheck.Result.SATISFIED, check.result());
    assertEquals(Optional.of("capacity.deemed"), check.deemedBy(), "the ruling says the value was deemed");
    assertEquals(Outcome.BREACHED, deemed.clause("capacity.respect").orElseThrow().outcome());
    assertTrue(deemed.clause("capacity.respect").orElseThrow().reason().contains("(deemed, by clause capacity.deemed)"),
        deemed.clause("capacity.respect").orElseThrow().reason());
  }

  @Test
  void aBuiltIncidentWithAFactOfTheWrongTypeIsStillRefused() {
    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> rule(Incident.builder().fact("official-capacity", "yes")));
    assertTrue(refused.getMessage().contains("expected true or false"), refused.getMessage());
  }
}
