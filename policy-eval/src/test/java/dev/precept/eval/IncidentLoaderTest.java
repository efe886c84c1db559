package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.LocatedDocument;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents are checked against the policy: nothing unknown or mistyped is silently ignored. */
class IncidentLoaderTest {
  private static Incident read(String yaml) {
    LocatedDocument document = LocatedDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "incident.yaml", ReadLimits.STANDARD);
    return IncidentLoader.forPolicy(SeedPolicy.POLICY).read(document, "");
  }

  private static List<String> problems(String yaml) {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> read(yaml));
    return e.diagnostics().stream().map(Diagnostic::describe).toList();
  }

  @Test
  void listsWrittenAsMappingsAreLocatedProblemsNotCrashes() {
    List<String> found = problems("""
        id: INC-1
        person: {roles: {staff: true}}
        clauses:
          conduct.name-and-logo: true
        categories: {images: yes}
        """);
    assertEquals(3, found.size(), found.toString());
    assertTrue(found.stream().anyMatch(p -> p.contains("/person/roles")), found.toString());
    assertTrue(found.stream().anyMatch(p -> p.contains("/clauses") && p.startsWith("incident.yaml:3:1")), found.toString());
    assertTrue(found.stream().anyMatch(p -> p.contains("/categories")), found.toString());
  }

  @Test
  void readsAnIncidentWithTypedFactsAndPermissions() {
    Incident incident = read("""
        id: INC-1
        date: 2016-11-14
        person: {roles: [staff], attributes: {adult: true}}
        clauses: [principles.working-hours-access]
        facts: {during-working-hours: true, investigation-finding: misconduct}
        permissions: [{office: ceo, given: before, form: verbal}]
        """);
    assertEquals("true", incident.facts().get("during-working-hours"));
    assertEquals("misconduct", incident.facts().get("investigation-finding"));
    assertEquals(Permission.Given.BEFORE, incident.permissions().get(0).given());
    assertEquals("2016-11-14", incident.date().orElseThrow().toString());
  }

  @Test
  void reportsEveryUnknownNameAndWrongTypeWithItsLocation() {
    assertEquals(List.of(
        "incident.yaml:2:18: error: unknown role 'volunter': policy cat-social-media declares no such role (at /person/roles/0)\n"
            + "    hint: did you mean 'volunteer'?".replace("\n", System.lineSeparator()),
        "incident.yaml:3:11: error: unknown clause 'conduct.logo': policy cat-social-media declares no such clause (at /clauses/0)\n"
            + "    hint: did you mean 'conduct.name-and-logo'?".replace("\n", System.lineSeparator()),
        "incident.yaml:5:3: error: fact 'during-working-hours' cannot be 'yes please': expected true or false (at /facts/during-working-hours)\n"
            + "    hint: write true or false, lower-case and without quotes".replace("\n", System.lineSeparator()),
        "incident.yaml:6:3: error: fact 'investigation-finding' cannot be 'gross': expected one of [no-breach, breach, misconduct, gross-misconduct] (at /facts/investigation-finding)\n"
            + "    hint: did you mean 'gross-misconduct'?".replace("\n", System.lineSeparator()),
        "incident.yaml:7:3: error: unknown fact 'weather': policy cat-social-media declares no such fact (at /facts/weather)\n"
            + "    hint: declared facts: 'during-working-hours', 'exceptional-circumstances', 'images-authorised', 'investigation-finding'".replace("\n", System.lineSeparator()),
        "incident.yaml:8:16: error: unknown office 'cfo': policy cat-social-media declares no such office (at /permissions/0/office)\n"
            + "    hint: did you mean 'ceo'?".replace("\n", System.lineSeparator())),
        problems("""
            id: INC-2
            person: {roles: [volunter]}
            clauses: [conduct.logo]
            facts:
              during-working-hours: yes please
              investigation-finding: gross
              weather: rain
            permissions: [{office: cfo, given: prior, form: written}]
            """));
  }

  @Test
  void readsTheOldWordBeforeWithAWarningToWritePrior() {
    String yaml = "id: INC-5\nperson: {roles: [staff]}\nclauses: [conduct.name-and-logo]\n"
        + "permissions: [{office: ceo, given: before, form: written}]\n";
    LocatedDocument document = LocatedDocument.read(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "incident.yaml", dev.precept.model.ReadLimits.STANDARD);
    List<Diagnostic> diagnostics = IncidentLoader.forPolicy(SeedPolicy.POLICY).check(document, "");
    assertEquals(List.of("incident.yaml:4:29: warning: 'given: before' is the old word for 'given: prior' (at /permissions/0/given)"
        + System.lineSeparator() + "    hint: write 'given: prior', the word the policy's exceptions use ('timing: prior')"),
        diagnostics.stream().map(Diagnostic::describe).toList());
    assertEquals(Diagnostic.DEPRECATED, diagnostics.get(0).code());
    assertEquals(Permission.Given.BEFORE, IncidentLoader.forPolicy(SeedPolicy.POLICY).read(document, "").permissions().get(0).given());
  }

  @Test
  void aHugeValueInAnIncidentIsRefusedWithItsPointer() {
    List<String> problems = problems("id: INC-6\nsummary: " + "x".repeat(2 * 1024 * 1024) + "\nperson: {roles: [staff]}\nclauses: [conduct.name-and-logo]\n");
    assertEquals(1, problems.size(), String.join("\n", problems));
    assertTrue(problems.get(0).startsWith("incident.yaml:2:10: error: a value of 2,097,152 characters is longer than the 1,048,576"
        + " a policy file allows (at /summary)"), problems.get(0));
  }

  @Test
  void aJsonIncidentFileIsToldInJsonsWordsWhenANumberStandsForTextOrAValueIsTooLong() {
    String json = "{\"id\": 42, \"summary\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"person\": {\"roles\": [\"staff\"]},"
        + " \"clauses\": [\"conduct.name-and-logo\"]}";
    PolicyValidationException tooLong = assertThrows(PolicyValidationException.class,
        () -> LocatedDocument.read(json.getBytes(StandardCharsets.UTF_8), "incident.json", ReadLimits.STANDARD));
    assertEquals("incident.json:1:23: error: a value of 2,097,152 characters is longer than the 1,048,576 one JSON value may have"
        + " (at /summary)", tooLong.diagnostics().get(0).describe().lines().findFirst().orElseThrow());
    LocatedDocument document = LocatedDocument.read(json.replace("x".repeat(2 * 1024 * 1024), "short").getBytes(StandardCharsets.UTF_8),
        "incident.json", ReadLimits.STANDARD);
    List<String> problems = assertThrows(PolicyValidationException.class, () -> IncidentLoader.forPolicy(SeedPolicy.POLICY).read(document, ""))
        .diagnostics().stream().map(Diagnostic::describe).toList();
    assertTrue(problems.stream().anyMatch(p -> p.contains("hint: send it as a JSON string, in quotes: \"42\"")), problems.toString());
    assertTrue(problems.stream().noneMatch(p -> p.contains("YAML")), problems.toString());
  }

  @Test
  void refusesAnIncidentThatConcernsNothing() {
    assertEquals(List.of("incident.yaml:1:1: error: the incident concerns no clause and no breach category (at /)" + System.lineSeparator()
        + "    hint: say what the person did: 'clauses: [conduct.name-and-logo]' or 'categories: [safeguarding]'"),
        problems("id: INC-3\nperson: {roles: [staff]}\n"));
  }

  @Test
  void refusesAPermissionWithoutItsTiming() {
    List<String> problems = problems("""
        id: INC-4
        person: {roles: [staff]}
        clauses: [conduct.name-and-logo]
        permissions: [{office: ceo, form: written}]
        """);
    assertEquals(List.of("incident.yaml:4:15: error: permissions[0] is missing required key 'given' (at /permissions/0)"), problems);
  }
}
