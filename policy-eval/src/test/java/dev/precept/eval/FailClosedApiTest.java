package dev.precept.eval;

import static dev.precept.eval.SeedPolicy.EVALUATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Diagnostic;
import dev.precept.model.PermissionForm;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An incident built in Java is checked against the policy exactly as a file is: a mistake is an
 * error listing every diagnostic with a "did you mean", never a quiet "not applicable".
 */
class FailClosedApiTest {
  private static List<Diagnostic> refused(Incident incident) {
    return assertThrows(PolicyValidationException.class, () -> EVALUATOR.rule(incident)).diagnostics();
  }

  private static List<String> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::code).toList();
  }

  @Test
  void aBooleanFactWrittenAsCapitalTrueIsAnErrorNotANotApplicable() {
    Incident incident = Incident.builder().id("i-true").person(Person.holding("staff"))
        .addClauses("principles.working-hours-access").putFact("during-working-hours", "TRUE").build();
    List<Diagnostic> diagnostics = refused(incident);
    assertEquals(1, diagnostics.size());
    Diagnostic d = diagnostics.get(0);
    assertEquals(Diagnostic.TYPE_MISMATCH, d.code());
    assertEquals("/facts/during-working-hours", d.pointer());
    assertEquals("incident 'i-true': error: fact 'during-working-hours' cannot be 'TRUE': expected true or false"
        + " (at /facts/during-working-hours)" + System.lineSeparator()
        + "    hint: write true, lower-case and without quotes", d.describe());
  }

  @Test
  void yesForABooleanIsAnError() {
    Diagnostic d = refused(Incident.builder().id("i-yes").person(Person.holding("staff"))
        .addClauses("principles.working-hours-access").putFact("during-working-hours", "yes").build()).get(0);
    assertEquals(Diagnostic.TYPE_MISMATCH, d.code());
    assertEquals("yes", d.subject().orElseThrow());
  }

  @Test
  void everyUnknownNameIsListedWithItsCodeAndADidYouMean() {
    Incident incident = Incident.builder().id("i-7").person(Person.holding("volunter"))
        .addClauses("conduct.logo").addCategories("safeguardin")
        .fact("investigation-findin", "misconduct")
        .addPermissions(Permission.builder().office("cfo").given(Permission.Given.BEFORE).form(PermissionForm.WRITTEN).build())
        .build();
    List<Diagnostic> diagnostics = refused(incident);
    assertEquals(List.of(Diagnostic.UNKNOWN_ROLE, Diagnostic.UNKNOWN_CLAUSE, Diagnostic.UNKNOWN_CATEGORY,
        Diagnostic.UNKNOWN_FACT, Diagnostic.UNKNOWN_OFFICE), codes(diagnostics));
    assertEquals(List.of("did you mean 'volunteer'?", "did you mean 'conduct.name-and-logo'?", "did you mean 'safeguarding'?",
        "did you mean 'investigation-finding'?", "did you mean 'ceo'?"),
        diagnostics.stream().map(d -> d.hint().orElseThrow()).toList());
    assertEquals(List.of("volunter", "conduct.logo", "safeguardin", "investigation-findin", "cfo"),
        diagnostics.stream().map(d -> d.subject().orElseThrow()).toList());
  }

  @Test
  void aMisspeltEnumValueGetsDidYouMean() {
    Diagnostic d = refused(Incident.builder().id("i-enum").person(Person.holding("staff"))
        .addClauses("conduct.name-and-logo").fact("investigation-finding", "gross-misconduc").build()).get(0);
    assertEquals(Diagnostic.UNKNOWN_VALUE, d.code());
    assertEquals("did you mean 'gross-misconduct'?", d.hint().orElseThrow());
  }

  @Test
  void typedSettersWriteValuesThePolicyReads() {
    Incident incident = Incident.builder().id("i-typed").person(Person.holding("staff"))
        .addClauses("principles.working-hours-access").fact("during-working-hours", true).build();
    assertEquals("true", incident.facts().get("during-working-hours"));
    assertEquals(Outcome.BREACHED, EVALUATOR.rule(incident).clause("principles.working-hours-access").orElseThrow().outcome());
    assertEquals("2016-09-01", Incident.builder().id("d").person(Person.holding("staff")).addClauses("x")
        .fact("when", LocalDate.of(2016, 9, 1)).build().facts().get("when"));
    assertEquals("12", Incident.builder().id("n").person(Person.holding("staff")).addClauses("x")
        .fact("count", 12).build().facts().get("count"));
    assertEquals("gross-misconduct", Incident.builder().id("e").person(Person.holding("staff")).addClauses("x")
        .fact("investigation-finding", Finding.GROSS_MISCONDUCT).build().facts().get("investigation-finding"));
  }

  private enum Finding { GROSS_MISCONDUCT }

  @Test
  void anIncidentConcerningNothingIsRefused() {
    assertEquals(List.of(Diagnostic.MISSING), codes(refused(Incident.builder().id("i-0").person(Person.holding("staff")).build())));
  }

  @Test
  void possibleConsequencesForAnUnknownRoleOrCategoryIsAnErrorNotAnEmptyList() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> EVALUATOR.possibleConsequences("cfo", "safeguardin"));
    assertEquals(List.of(Diagnostic.UNKNOWN_ROLE, Diagnostic.UNKNOWN_CATEGORY), codes(e.diagnostics()));
    assertEquals("did you mean 'safeguarding'?", e.diagnostics().get(1).hint().orElseThrow());
  }

  @Test
  void nullsAreRefusedWithAMessageSayingWhatIsNeeded() {
    NullPointerException policy = assertThrows(NullPointerException.class, () -> Evaluator.of(null));
    assertTrue(policy.getMessage().contains("Evaluator.of needs a policy"), policy.getMessage());
    NullPointerException incident = assertThrows(NullPointerException.class, () -> EVALUATOR.rule(null));
    assertTrue(incident.getMessage().contains("Evaluator.rule needs an incident"), incident.getMessage());
    NullPointerException loader = assertThrows(NullPointerException.class, () -> IncidentLoader.forPolicy(null));
    assertTrue(loader.getMessage().contains("needs a policy"), loader.getMessage());
  }

  @Test
  void anIncidentWithAnEmptyIdIsRefusedAsTheSameIncidentInAFileIs() {
    List<Diagnostic> diagnostics = refused(Incident.builder().id("").person(Person.holding("staff"))
        .addClauses("conduct.name-and-logo").build());
    assertEquals(List.of(Diagnostic.MISSING), codes(diagnostics));
    assertEquals("/id", diagnostics.get(0).pointer());
    assertEquals("the incident has no id", diagnostics.get(0).message());
  }

  @Test
  void aNullFactValueIsRefusedByItsNameSayingToLeaveTheFactOut() {
    for (java.util.function.Consumer<Incident.Builder> setter : List.<java.util.function.Consumer<Incident.Builder>>of(
        b -> b.fact("incident-date", (LocalDate) null), b -> b.fact("incident-date", (Finding) null),
        b -> b.fact("incident-date", (String) null))) {
      NullPointerException e = assertThrows(NullPointerException.class, () -> setter.accept(Incident.builder()));
      assertEquals("fact 'incident-date' needs a value, not null: leave a fact that is not known out of the incident", e.getMessage());
    }
  }

  @Test
  void aNullRulingIsRefusedNeverWrittenAsTheWordNull() {
    NullPointerException json = assertThrows(NullPointerException.class, () -> Rulings.toJson(null));
    assertEquals("Rulings.toJson needs a ruling (Evaluator.rule(incident)), not null", json.getMessage());
    assertThrows(NullPointerException.class, () -> Rulings.toCompactJson(null));
    assertThrows(NullPointerException.class, () -> Rulings.toText(null));
    NullPointerException text = assertThrows(NullPointerException.class, () -> Rulings.fromJson(null));
    assertEquals("Rulings.fromJson needs the ruling's JSON text, not null", text.getMessage());
  }

  @Test
  void textThatIsNotARulingIsRefusedSayingWhereWithoutTheJsonLibrarysInternals() {
    PolicyException broken = assertThrows(PolicyException.class, () -> Rulings.fromJson("{\"policy\": "));
    assertEquals("not a ruling: not valid JSON (line 1, column 12)", broken.getMessage());
    PolicyException partial = assertThrows(PolicyException.class, () -> Rulings.fromJson("{\"policy\": \"p\"}"));
    assertTrue(partial.getMessage().startsWith("not a ruling: a Ruling lacks the fields ["), partial.getMessage());
    PolicyException wrong = assertThrows(PolicyException.class,
        () -> Rulings.fromJson(Rulings.toJson(SeedPolicy.EVALUATOR.rule(Incident.builder().id("i").person(Person.holding("staff"))
            .addClauses("conduct.name-and-logo").build())).replace("\"breached\"", "[]")));
    assertTrue(wrong.getMessage().startsWith("not a ruling: the value at /clauses/0/outcome is not what a ruling holds there (line "),
        wrong.getMessage());
    for (PolicyException e : List.of(broken, partial, wrong)) {
      assertFalse(e.getMessage().contains("Source:") || e.getMessage().contains("dev.precept") || e.getMessage().contains("`"),
          e.getMessage());
    }
  }
}
