package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Systems that are not Java send incidents as JSON, written however their JSON library writes it: a
 * document that is valid JSON is read as JSON, with every value's place, even where YAML 1.1 would
 * refuse it or read it differently; anything else is read as YAML, as before.
 */
class LocatedDocumentJsonTest {
  private static LocatedDocument read(String text) {
    return LocatedDocument.read(text.getBytes(StandardCharsets.UTF_8), "incident.json", ReadLimits.STANDARD);
  }

  @Test
  void jsonIndentedWithTabsIsReadWithItsPlaces() {
    LocatedDocument document = read("{\n\t\"id\": \"INC-1\",\n\t\"person\": {\n\t\t\"roles\": [\"staff\"]\n\t}\n}");
    assertEquals("staff", document.root().path("person").path("roles").path(0).asText());
    assertArrayEquals(new int[] {4, 13}, document.position("/person/roles/0"));
  }

  @Test
  void aDocumentKeepsTheNameItsProblemsAreReportedUnderAndWhetherItWasJson() {
    LocatedDocument json = read("{\"id\": \"INC-1\"}");
    assertEquals("incident.json", json.source());
    assertTrue(json.readAsJson());
    LocatedDocument yaml = read("id: INC-1\n");
    assertEquals(false, yaml.readAsJson());
    assertArrayEquals(new int[] {1, 1}, yaml.position("/no/such/place"), "a place not in the document is the document's start");
  }

  @Test
  void jsonBeyondTheReadersLimitsIsToldWhichLimitInWords() {
    String longKey = "{\"" + "k".repeat(1100) + "\": 1}";
    String longNumber = "{\"n\": " + "9".repeat(1200) + "}";
    for (var c : List.of(List.of(longKey, "a key longer than 1,024 characters"), List.of(longNumber, "a number with too many digits"))) {
      PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> read(c.get(0)));
      assertTrue(e.getMessage().contains(c.get(1)), e.getMessage());
      assertTrue(!e.getMessage().contains("StreamReadConstraints") && !e.getMessage().contains("getMax"), e.getMessage());
    }
  }

  @Test
  void theEscapedSlashOfJsonIsASlash() {
    assertEquals("a/b", read("{\"id\": \"a\\/b\"}").root().path("id").asText());
  }

  @Test
  void aNumberWithAnExponentIsANumberNotText() {
    LocatedDocument document = read("{\"facts\": {\"days\": 1e2}}");
    assertTrue(document.root().path("facts").path("days").isNumber(), document.root().toString());
    assertEquals(100, document.root().path("facts").path("days").asInt());
  }

  @Test
  void everyDuplicateKeyInJsonIsReportedAtItsPlace() {
    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> read("{\"id\": \"a\",\n \"id\": \"b\",\n \"date\": \"2016-01-01\",\n \"date\": \"2016-01-02\"}"));
    assertEquals(List.of("2:2 /id", "4:2 /date"), refused.diagnostics().stream()
        .map(d -> d.line() + ":" + d.column() + " " + d.pointer()).toList());
    assertTrue(refused.diagnostics().stream().allMatch(d -> d.code().equals(Diagnostic.DUPLICATE_KEY)));
  }

  @Test
  void everyOverlongValueInJsonIsRefusedAtItsPlace() {
    ReadLimits small = ReadLimits.builder().maxScalarLength(10).build();
    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> LocatedDocument.read("{\"id\": \"12345678901\",\n \"summary\": \"12345678901\"}".getBytes(StandardCharsets.UTF_8),
            "incident.json", small));
    assertEquals(List.of("/id", "/summary"), refused.diagnostics().stream().map(Diagnostic::pointer).toList());
    assertTrue(refused.diagnostics().stream().allMatch(d -> d.code().equals(Diagnostic.TOO_LARGE)));
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsRefusedAsTooLarge() {
    PolicyValidationException refused = assertThrows(PolicyValidationException.class,
        () -> read("{\"facts\": " + "[".repeat(500) + "]".repeat(500) + "}"));
    assertEquals(Diagnostic.TOO_LARGE, refused.diagnostics().get(0).code());
  }

  @Test
  void aYamlFlowMappingThatIsNotJsonIsStillReadAsYaml() {
    LocatedDocument document = read("{id: INC-1, roles: [staff, governor]}");
    assertEquals("governor", document.root().path("roles").path(1).asText());
  }

  @Test
  void brokenJsonIsRefusedWithTheYamlReadersLocatedSyntaxError() {
    PolicyValidationException refused = assertThrows(PolicyValidationException.class, () -> read("{\"id\": \"a\",\n \"date\": [}"));
    Diagnostic problem = refused.diagnostics().get(0);
    assertEquals(Diagnostic.YAML_SYNTAX, problem.code());
    assertEquals(2, problem.line());
  }
}
