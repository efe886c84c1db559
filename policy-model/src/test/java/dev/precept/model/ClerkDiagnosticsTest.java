package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a governance clerk sees when a policy file is wrong: every problem at once, exactly located, with a fix. */
class ClerkDiagnosticsTest {
  private static final String MINIMAL = read();

  private static String read() {
    try {
      return Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Diagnostic> refused(String yaml) {
    return assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(yaml, "policy.yaml")).diagnostics();
  }

  private static String described(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::describe).collect(Collectors.joining("\n"));
  }

  private static String replaceLine(int line, String with) {
    String[] lines = MINIMAL.split("\n", -1);
    lines[line - 1] = with.replace("@", lines[line - 1]);
    return String.join("\n", lines);
  }

  @Test
  void schemaAndSemanticProblemsAreReportedInOnePass() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("status: draft", "status: drafft").replace("office: ceo", "office: cfo")
        .replace("memberOf: [employees]", "memberOf: [employes]").replace("    title: Staff\n", "    title: Staff\n    colour: blue\n"));
    assertEquals(List.of("schema.enum", "schema.additionalProperties", Diagnostic.UNKNOWN_GROUP, Diagnostic.UNKNOWN_OFFICE),
        diagnostics.stream().map(Diagnostic::code).toList(), described(diagnostics));
    assertEquals("did you mean 'draft'?", diagnostics.get(0).hint().orElseThrow());
    assertEquals("did you mean 'employees'?", diagnostics.get(2).hint().orElseThrow());
    assertEquals("did you mean 'ceo'?", diagnostics.get(3).hint().orElseThrow());
  }

  @Test
  void aDuplicateKeyIsReportedTogetherWithTheFilesOtherProblems() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("  reviewFrequency: P1Y\n", "  reviewFrequency: P1Y\n  reviewFrequency: P2Y\n")
        .replace("status: draft", "status: drafft").replace("office: ceo", "office: cfo"));
    assertEquals(List.of("schema.enum", Diagnostic.DUPLICATE_KEY, Diagnostic.UNKNOWN_OFFICE),
        diagnostics.stream().map(Diagnostic::code).toList(), described(diagnostics));
    assertEquals(11, diagnostics.get(1).line(), described(diagnostics));
  }

  @Test
  void aMisspeltSectionsKeyIsOneProblemAndTheClausesUnderItAreStillChecked() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("\nsections:\n", "\nsectons:\n")
        .replace("appliesTo: [staff, volunteer]", "appliesTo: [staff, volunter]"));
    assertEquals(List.of("schema.additionalProperties 43:1 /sectons", Diagnostic.UNKNOWN_ROLE + " 50:28 /sections/0/clauses/0/appliesTo/1"),
        diagnostics.stream().map(d -> d.code() + " " + d.line() + ":" + d.column() + " " + d.pointer()).toList(), described(diagnostics));
    assertEquals("did you mean 'sections'?", diagnostics.get(0).hint().orElseThrow());
  }

  @Test
  void aSingleRoleWrittenWithoutBracketsIsToldToWriteAList() {
    Diagnostic d = refused(MINIMAL.replace("appliesTo: [staff, volunteer]", "appliesTo: staff")).get(0);
    assertEquals("policy.yaml:50:9: error: 'appliesTo': string found, array expected (at /sections/0/clauses/0/appliesTo)"
        + System.lineSeparator() + "    hint: write a list, even of one: [staff]", d.describe());
  }

  @Test
  void aValueTheSchemaRefusesIsNotAlsoReportedAsAnUnknownName() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("memberOf: [employees]", "memberOf: [Employees]"));
    assertEquals(List.of("schema.pattern"), diagnostics.stream().map(Diagnostic::code).toList(), described(diagnostics));
  }

  @Test
  void aTabAtTheStartOfLineFourIsReportedAtLineFourColumnOne() {
    Diagnostic d = refused(replaceLine(4, "\t@".replace("@", "organisation: Example Trust"))).get(0);
    assertEquals(List.of(4, 1), List.of(d.line(), d.column()), d.describe());
    assertEquals(Diagnostic.YAML_SYNTAX, d.code());
    assertTrue(d.hint().orElseThrow().contains("never tabs"), d.describe());
  }

  @Test
  void everyLineIndentedWithATabIsReportedAtOnce() {
    String pasted = MINIMAL.replace("  organisation: Example Trust", "\torganisation: Example Trust")
        .replace("    title: Staff\n", "\t\ttitle: Staff\n").replace("        kind: prohibition", "\t\tkind: prohibition");
    List<Diagnostic> diagnostics = refused(pasted);
    assertEquals(List.of("4:1", "17:1", "48:1"), diagnostics.stream().map(d -> d.line() + ":" + d.column()).toList(), described(diagnostics));
    assertTrue(diagnostics.stream().allMatch(d -> d.message().startsWith("a tab indents line")), described(diagnostics));
  }

  @Test
  void aTabInsideABlockOfTextIsNotReportedBesideATabThatIndents() {
    String pasted = MINIMAL.replace("  organisation: Example Trust", "\torganisation: Example Trust")
        .replace("        text: Using the logo without permission.", "        text: |\n          Using the logo:\n          \twithout permission.");
    List<Diagnostic> diagnostics = refused(pasted);
    assertEquals(List.of("4:1"), diagnostics.stream().map(d -> d.line() + ":" + d.column()).toList(), described(diagnostics));
  }

  @Test
  void wrongIndentationIsLocatedAndSaysWhatToLineUpWith() {
    Diagnostic over = refused(replaceLine(5, " @")).get(0);
    assertEquals("policy.yaml:5:4: error: wrong indentation: line 5 is indented 3 spaces, but line 4 above it is indented 2 (at /)",
        over.describe().lines().findFirst().orElseThrow());
    assertTrue(over.hint().orElseThrow().startsWith("keys of one mapping start in the same column: indent line 5 by 2 spaces"), over.describe());
    Diagnostic under = refused(replaceLine(5, "@".substring(0)).replace("\n  title: Minimal Policy", "\n title: Minimal Policy")).get(0);
    assertEquals(5, under.line(), under.describe());
    assertTrue(under.message().startsWith("wrong indentation"), under.describe());
    assertTrue(!under.message().contains("while parsing"), under.describe());
  }

  @Test
  void aKeyIndentedOneSpaceShortOfItsListItemSaysWhichKeyToLineUpWith() {
    Diagnostic d = refused(replaceLine(48, "       kind: prohibition")).get(0);
    assertEquals("policy.yaml:48:8: error: wrong indentation: line 48 is indented 7 spaces, but the keys of the list item"
        + " on line 47 above it start after 8 (at /)", d.describe().lines().findFirst().orElseThrow());
    assertEquals("keys of one mapping start in the same column: indent line 48 by 8 spaces, so 'kind' lines up with 'id'"
        + " on line 47", d.hint().orElseThrow());
  }

  @Test
  void aKeyIndentedTooFarUnderAListItemIsCalledIndentationNotAValueToQuote() {
    Diagnostic d = refused(replaceLine(48, "          kind: prohibition")).get(0);
    assertEquals("policy.yaml:48:11: error: wrong indentation: line 48 is indented 10 spaces, but the keys of the list item"
        + " on line 47 above it start after 8 (at /)", d.describe().lines().findFirst().orElseThrow());
  }

  @Test
  void aClauseIdUsedTwiceNamesTheLineOfTheFirstUse() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("consequences:\n", "      - id: rules.logo\n        kind: principle\n"
        + "        text: Again.\nconsequences:\n"));
    assertEquals("policy.yaml:57:9: error: clause id 'rules.logo' is already used by /sections/0/clauses/0 (line 47)"
        + " (at /sections/0/clauses/1/id)", diagnostics.get(0).describe().lines().findFirst().orElseThrow(), described(diagnostics));
  }

  @Test
  void aValueContainingColonSpaceIsStillToldToQuote() {
    Diagnostic d = refused(MINIMAL.replace("title: Minimal Policy", "title: Note: this")).get(0);
    assertEquals(5, d.line());
    assertEquals("a value containing ': ' must be quoted", d.hint().orElseThrow());
  }

  @Test
  void aUkStyleDateGetsADateHintNotAnIdHint() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("drafted: 2024-01-10", "drafted: 01/09/2016"));
    assertEquals(1, diagnostics.size(), described(diagnostics));
    assertEquals("write dates as YYYY-MM-DD: 2016-09-01 for 1 September 2016 (day/month/year)", diagnostics.get(0).hint().orElseThrow());
    assertEquals("/metadata/dates/drafted", diagnostics.get(0).pointer());
  }

  @Test
  void aMisspeltEnumValueGetsDidYouMean() {
    Diagnostic d = refused(MINIMAL.replace("status: draft", "status: drafft")).get(0);
    assertEquals("policy.yaml:7:3: error: 'status': 'drafft' is not one of draft, approved, superseded (at /metadata/status)"
        + System.lineSeparator() + "    hint: did you mean 'draft'?", d.describe());
    assertEquals("schema.enum", d.code());
    assertEquals("drafft", d.subject().orElseThrow());
  }

  @Test
  void theSchemasOwnMessagesSpeakToClerks() {
    Diagnostic period = refused(MINIMAL.replace("reviewFrequency: P1Y", "reviewFrequency: yearly")).get(0);
    assertEquals("write a period such as P1Y (every year), P6M (every six months) or P60D (every 60 days)", period.hint().orElseThrow());
    Diagnostic id = refused(MINIMAL.replace("  - id: staff", "  - id: Staff Room")).get(0);
    assertEquals("an id is lower-case letters and digits, words joined by '-' or '.', such as 'conduct.logo'", id.hint().orElseThrow());
  }

  @Test
  void aMillionCharacterIdIsRefused() {
    Diagnostic d = refused(MINIMAL.replace("id: minimal", "id: " + "a".repeat(1_000_000))).get(0);
    assertEquals("schema.maxLength", d.code());
    assertEquals("/id", d.pointer());
    assertTrue(d.message().contains("1,000,000 characters"), d.message());
  }

  @Test
  void diagnosticsAreDataWithStableCodes() {
    List<Diagnostic> diagnostics = refused(MINIMAL.replace("  title: Minimal Policy\n", "  title: Minimal Policy\n  title: Again\n"));
    Diagnostic d = diagnostics.get(0);
    assertEquals(Diagnostic.DUPLICATE_KEY, d.code());
    assertEquals(Diagnostic.Severity.ERROR, d.severity());
    assertEquals(List.of(6, 3, "/metadata/title"), List.of(d.line(), d.column(), d.pointer()));
  }
}
