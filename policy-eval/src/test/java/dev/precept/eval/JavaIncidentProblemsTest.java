package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.precept.model.Diagnostic;
import dev.precept.model.PermissionForm;
import dev.precept.model.PolicyValidationException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * An incident built in Java with one thing wrong is refused naming that one thing, whatever it is:
 * the check that lets a clean incident through without building messages lets none of these through.
 */
class JavaIncidentProblemsTest {
  private static final String CLAUSE = "conduct.name-and-logo";

  private static Incident.Builder clean() {
    return Incident.builder().id("x").person(Person.builder().addRoles("staff").putAttribute("adult", "true").build())
        .addClauses(CLAUSE).putFact("investigation-finding", "misconduct")
        .addPermissions(Permission.builder().office("ceo").given(Permission.Given.BEFORE).form(PermissionForm.WRITTEN).clause(CLAUSE).build());
  }

  private static List<String> refused(Evaluator evaluator, UnaryOperator<Incident.Builder> change) {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> evaluator.rule(change.apply(clean()).build()));
    return e.diagnostics().stream().map(d -> d.code() + " " + d.pointer() + ": " + d.message()).toList();
  }

  @Test
  void eachKindOfUnknownNameOrIllTypedValueIsRefusedOnItsOwn() {
    Evaluator evaluator = Evaluator.of(SeedPolicy.POLICY);
    evaluator.rule(clean().build());
    assertEquals(List.of(
            List.of("unknown-role /person/roles/0: unknown role 'staf': policy cat-social-media declares no such role"),
            List.of("unknown-attribute /person/attributes/adullt: unknown attribute 'adullt': policy cat-social-media declares no such attribute"),
            List.of("type-mismatch /person/attributes/adult: attribute 'adult' cannot be 'yes': expected true or false"),
            List.of("unknown-clause /clauses/0: unknown clause 'conduct.name-and-logos': policy cat-social-media declares no such clause"),
            List.of("unknown-category /categories/0: unknown breach category 'reputations': policy cat-social-media declares no such breach category"),
            List.of("unknown-fact /facts/investigation-findings: unknown fact 'investigation-findings': policy cat-social-media declares no such fact"),
            List.of("unknown-value /facts/investigation-finding: fact 'investigation-finding' cannot be 'misconduk': expected one of [no-breach, breach, misconduct, gross-misconduct]"),
            List.of("unknown-office /permissions/0/office: unknown office 'ceoo': policy cat-social-media declares no such office"),
            List.of("unknown-clause /permissions/0/clause: unknown clause 'conduct.nope': policy cat-social-media declares no such clause"),
            List.of("missing /person/roles: the person holds no role"),
            List.of("missing : the incident concerns no clause and no breach category")),
        List.of(
            refused(evaluator, b -> b.person(Person.holding("staf"))),
            refused(evaluator, b -> b.person(Person.builder().addRoles("staff").putAttribute("adullt", "true").build())),
            refused(evaluator, b -> b.person(Person.builder().addRoles("staff").putAttribute("adult", "yes").build())),
            refused(evaluator, b -> b.clauses(List.of("conduct.name-and-logos"))),
            refused(evaluator, b -> b.clauses(List.of()).addCategories("reputations")),
            refused(evaluator, b -> b.putFact("investigation-findings", "misconduct")),
            refused(evaluator, b -> b.putFact("investigation-finding", "misconduk")),
            refused(evaluator, b -> b.permissions(List.of(Permission.builder().office("ceoo").given(Permission.Given.BEFORE)
                .form(PermissionForm.WRITTEN).build()))),
            refused(evaluator, b -> b.permissions(List.of(Permission.builder().office("ceo").given(Permission.Given.BEFORE)
                .form(PermissionForm.WRITTEN).clause("conduct.nope").build()))),
            refused(evaluator, b -> b.person(Person.builder().build())),
            refused(evaluator, b -> b.clauses(List.of()))));
  }
}
