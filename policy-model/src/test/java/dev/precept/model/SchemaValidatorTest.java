package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the schema check tells a clerk about a value the policy format does not allow: the code,
 * the pointer, the value at fault (its subject), a sentence naming where it is, and the fix.
 */
class SchemaValidatorTest {
  private static final String MINIMAL = read();

  private static String read() {
    try {
      return Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String changed(String from, String to) {
    if (!MINIMAL.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    return MINIMAL.replace(from, to);
  }

  private static List<Diagnostic> refused(String yaml) {
    return assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(yaml, "policy.yaml")).diagnostics();
  }

  /** code pointer [subject]: message | hint */
  private static String told(Diagnostic d) {
    return d.code() + " " + d.pointer() + " [" + d.subject().orElse("") + "]: " + d.message() + " | " + d.hint().orElse("");
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("a misspelt status", changed("status: draft", "status: drafft"),
            "schema.enum /metadata/status [drafft]: 'status': 'drafft' is not one of draft, approved, superseded | did you mean 'draft'?"),
        Arguments.of("an unknown key beside known ones", changed("    title: Staff\n", "    title: Staff\n    titel: Staff\n"),
            "schema.additionalProperties /roles/0/titel [titel]: unknown key 'titel' | did you mean 'title'?"),
        Arguments.of("a missing required key", changed("  title: Minimal Policy\n", ""),
            "schema.required /metadata [title]: 'metadata' is missing required key 'title' | "),
        Arguments.of("a missing key in a list item", changed("    title: Chair\n", ""),
            "schema.required /offices/1 [title]: offices[1] is missing required key 'title' | "),
        Arguments.of("a key left empty", changed("  organisation: Example Trust", "  organisation: null"),
            "schema.type /metadata/organisation []: 'organisation': null found, string expected | leave the key out when there is no value"),
        Arguments.of("a version YAML reads as a number", changed("version: \"1\"", "version: 2016.1"),
            "schema.type /metadata/version [2016.1]: 'version': number found, string expected | quote it, \"2016.1\", so YAML keeps it as text"),
        Arguments.of("a UK-style date", changed("drafted: 2024-01-10", "drafted: 10/01/2024"),
            "schema.pattern /metadata/dates/drafted [10/01/2024]: 'drafted': '10/01/2024' is not in the expected form"
                + " | write dates as YYYY-MM-DD: 2024-01-10 for 10 January 2024 (day/month/year)"),
        Arguments.of("a date that does not exist", changed("drafted: 2024-01-10", "drafted: 2024-02-30"),
            "schema.format /metadata/dates/drafted [2024-02-30]: 'drafted': '2024-02-30' is not a valid date"
                + " | there is no such day: the month is 01 to 12 and the day fits the month (YYYY-MM-DD)"),
        Arguments.of("an id with capitals", changed("  - id: staff.investigation", "  - id: Staff.investigation"),
            "schema.pattern /consequences/0/id [Staff.investigation]: 'id': 'Staff.investigation' is not in the expected form"
                + " | an id is lower-case letters and digits, words joined by '-' or '.', such as 'conduct.logo'"),
        Arguments.of("a long wrong value, abbreviated", changed("status: draft", "status: " + "d".repeat(100)),
            "schema.enum /metadata/status [" + "d".repeat(77) + "...]: 'status': '" + "d".repeat(77) + "...' is not one of draft, approved, superseded"
                + " | allowed values: 'approved', 'draft', 'superseded'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void eachSchemaProblemSaysWhereWhatAndHowToFixIt(String name, String yaml, String expected) {
    List<Diagnostic> problems = refused(yaml);
    assertEquals(List.of(expected), problems.stream().map(SchemaValidatorTest::told).collect(Collectors.toList()), name);
  }

  @Test
  void aNumberWhereTextBelongsInJsonIsToldToBeSentAsAJsonStringNotQuotedForYaml() {
    String json = "{\"$schema\": \"x\", \"id\": 42}";
    LocatedDocument document = LocatedDocument.read(json.getBytes(StandardCharsets.UTF_8), "incident.json", ReadLimits.STANDARD);
    SchemaValidator incident = new SchemaValidator("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
         "properties": {"id": {"type": "string"}, "roles": {"type": "array"}}}
        """);
    assertEquals(List.of("schema.type /id [42]: 'id': integer found, string expected | send it as a JSON string, in quotes: \"42\""),
        incident.check(document).stream().map(SchemaValidatorTest::told).toList());
    LocatedDocument roles = LocatedDocument.read("{\"roles\": \"staff\"}".getBytes(StandardCharsets.UTF_8), "incident.json",
        ReadLimits.STANDARD);
    assertEquals("send a list, even of one: [\"staff\"]", incident.check(roles).get(0).hint().orElseThrow());
  }

  @Test
  void theSameNumberInYamlIsStillToldToBeQuotedSoYamlKeepsItAsText() {
    LocatedDocument document = LocatedDocument.read("id: 42\n".getBytes(StandardCharsets.UTF_8), "incident.yaml", ReadLimits.STANDARD);
    SchemaValidator incident = new SchemaValidator("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"id": {"type": "string"}}}
        """);
    assertEquals("quote it, \"42\", so YAML keeps it as text", incident.check(document).get(0).hint().orElseThrow());
  }

  @Test
  void aDateFailingItsPatternIsNotAlsoReportedAsAnInvalidDate() {
    List<Diagnostic> problems = refused(changed("drafted: 2024-01-10", "drafted: soon"));
    assertEquals(List.of("schema.pattern"), problems.stream().map(Diagnostic::code).toList(), problems.toString());
  }

  @Test
  void thePolicyDocumentItselfIsNamedAsTheDocument() {
    Diagnostic d = refused(changed("id: minimal\n", "")).get(0);
    assertEquals("schema.required  [id]: the document is missing required key 'id' | ", told(d));
  }

  @Test
  void partOfADocumentIsCheckedAtItsPointer() {
    LocatedDocument document = LocatedDocument.read(changed("status: draft", "status: drafft").getBytes(StandardCharsets.UTF_8),
        "policy.yaml", ReadLimits.STANDARD);
    SchemaValidator metadata = new SchemaValidator("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
         "properties": {"status": {"enum": ["draft", "approved"]}}}
        """);
    List<Diagnostic> problems = metadata.check(document, "/metadata");
    assertEquals(List.of("schema.enum /metadata/status [drafft]: 'status': 'drafft' is not one of draft, approved | did you mean 'draft'?"),
        problems.stream().map(SchemaValidatorTest::told).toList());
    assertEquals(7, problems.get(0).line());
    assertThrows(IllegalArgumentException.class, () -> metadata.check(document, "/nothing"));
  }

  @Test
  void aSchemaVersionTheSchemaRefusesSaysWhichVersionsThisBuildReads() {
    LocatedDocument document = LocatedDocument.read(changed("schemaVersion: 1", "schemaVersion: 2").getBytes(StandardCharsets.UTF_8),
        "policy.yaml", ReadLimits.STANDARD);
    Diagnostic d = SchemaValidator.policy().check(document).get(0);
    assertEquals("schema.const", d.code());
    assertEquals("this build reads schemaVersion [1]", d.hint().orElseThrow());
  }

  @Test
  void aNameThatIsNoLongerDeclaredIsHintedWithTheDeclaredNamesOnly() {
    // The role's id is refused by the schema, so the clause naming it names an unknown role; the
    // stand-in used while checking names is not offered as a name the clerk could have meant.
    List<Diagnostic> problems = refused(changed("  - id: staff\n    title: Staff", "  - id: Staff\n    title: Staff"));
    assertEquals(List.of(
        "schema.pattern /roles/0/id [Staff]: 'id': 'Staff' is not in the expected form"
            + " | an id is lower-case letters and digits, words joined by '-' or '.', such as 'conduct.logo'",
        "unknown-role /sections/0/clauses/0/appliesTo/0 [staff]: clause 'rules.logo' names unknown role 'staff'"
            + " | declared roles and groups: 'employees', 'volunteer', 'workers'"),
        problems.stream().map(SchemaValidatorTest::told).toList());
  }

  @Test
  void aSchemasOwnErrorMessageIsWhatTheClerkReads() {
    LocatedDocument document = LocatedDocument.read("colour: mauve\nsize: 0\n".getBytes(StandardCharsets.UTF_8), "form.yaml", ReadLimits.STANDARD);
    SchemaValidator form = new SchemaValidator("""
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
         "properties": {
           "colour": {"enum": ["red", "blue"], "errorMessage": "a colour is red or blue"},
           "size": {"type": "integer", "minimum": 1, "errorMessage": {"minimum": "a size is at least 1"}}}}
        """);
    assertEquals(List.of("schema.enum /colour [mauve]: 'colour': a colour is red or blue | allowed values: 'blue', 'red'",
        "schema.minimum /size [0]: 'size': a size is at least 1 | "), form.check(document).stream().map(SchemaValidatorTest::told).toList());
  }

  @Test
  void eachStatusReadsAsTheWordWrittenInThePolicy() {
    assertEquals(List.of("draft", "approved", "superseded"), List.of(Status.values()).stream().map(Status::word).toList());
    assertEquals("board", Signatory.of("board").office());
  }
}
