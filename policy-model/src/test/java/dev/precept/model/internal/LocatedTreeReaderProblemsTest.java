package dev.precept.model.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.precept.model.Diagnostic;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the YAML reader records of a file (each value's line and column) and how it refuses one:
 * every problem with its code, line, column and pointer, in reading order.
 */
class LocatedTreeReaderProblemsTest {
  private static final ReadLimits TINY = ReadLimits.builder().maxBytes(200).maxScalarLength(10).maxDepth(4).build();

  private static LocatedTreeReader.Result read(String yaml) {
    return LocatedTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", ReadLimits.STANDARD);
  }

  private static List<Diagnostic> refused(String yaml, ReadLimits limits) {
    return assertThrows(PolicyValidationException.class,
        () -> LocatedTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", limits)).diagnostics();
  }

  private static List<Diagnostic> refused(String yaml) {
    return refused(yaml, ReadLimits.STANDARD);
  }

  /** code line:column pointer: message, as a program reading the diagnostics sees it. */
  private static String located(Diagnostic d) {
    return d.code() + " " + d.line() + ":" + d.column() + " " + d.pointer() + ": " + d.message();
  }

  private static List<String> located(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(LocatedTreeReaderProblemsTest::located).collect(Collectors.toList());
  }

  @Test
  void everyKeyAndListItemIsLocatedWhereItIsWritten() {
    LocatedTreeReader.Result result = read("id: a\nmetadata:\n  title: T\nroles:\n  - id: staff\n  -   id: pupil\nodd/key~: 1\n");
    assertArrayEquals(new int[] {1, 1}, result.locations().get("/id"));
    assertArrayEquals(new int[] {3, 3}, result.locations().get("/metadata/title"));
    assertArrayEquals(new int[] {5, 5}, result.locations().get("/roles/0"));
    assertArrayEquals(new int[] {6, 7}, result.locations().get("/roles/1/id"));
    assertArrayEquals(new int[] {7, 1}, result.locations().get("/odd~1key~0"));
    assertArrayEquals(new int[] {1, 1}, result.locations().get(""));
  }

  @Test
  void numbersBooleansAndNullsKeepTheirTypes() {
    JsonNode root = read("big: 123456789012345678901234567890\nsmall: 7\nratio: 1.5\nyes: true\nno: false\nnothing: null\nflow: [a, {b: c}]\n").root();
    assertEquals(new BigInteger("123456789012345678901234567890"), root.get("big").bigIntegerValue());
    assertTrue(root.get("big").isBigInteger());
    assertTrue(root.get("small").isLong());
    assertEquals(7, root.get("small").asInt());
    assertTrue(root.get("ratio").isBigDecimal());
    assertEquals("1.5", root.get("ratio").decimalValue().toPlainString());
    assertTrue(root.get("yes").booleanValue());
    assertTrue(root.get("no").isBoolean());
    assertEquals(false, root.get("no").booleanValue());
    assertTrue(root.get("nothing").isNull());
    assertEquals("c", root.at("/flow/1/b").asText());
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstKey() {
    JsonNode root = LocatedTreeReader.read("\uFEFFid: a\n".getBytes(StandardCharsets.UTF_8), "policy.yaml", ReadLimits.STANDARD).root();
    assertEquals("a", root.get("id").asText());
  }

  @Test
  void anEmptyFileAndAFileOfCommentsAreEachSaidToHoldNoPolicy() {
    assertEquals(List.of("missing 1:1 : file is empty"), located(refused(" \n\n")));
    assertEquals(List.of("missing 1:1 : file holds no YAML document"), located(refused("# only a comment\n")));
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
    Diagnostic d = refused("id: " + "a".repeat(200) + "\n", TINY).get(0);
    assertEquals("too-large 0:0 : file is 205 bytes, more than the 200 bytes a policy file may have", located(d));
    assertEquals("split the file or raise the limit if this is really one policy", d.hint().orElseThrow());
  }

  @Test
  void aFileOfExactlyTheSizeLimitIsRead() {
    String yaml = "id: " + "a".repeat(9) + "\n#" + "x".repeat(200 - 16) + "\n";
    assertEquals(200, yaml.length());
    assertEquals("aaaaaaaaa", LocatedTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", TINY).root().get("id").asText());
  }

  @Test
  void aNulCharacterIsLocatedOnItsLine() {
    assertEquals(List.of("encoding 2:4 : file contains a NUL character: this looks like a binary file, not YAML"),
        located(refused("id: a\nab:\0\n")));
  }

  @Test
  void aLongValueIsRefusedAtItsKeyOrItemAndTheLinesAroundItAreStillRead() {
    List<Diagnostic> problems = refused("id: short\ntitle:   " + "x".repeat(11) + "\nlist:\n  -   " + "y".repeat(12)
        + "\n  - ok\nafter: " + "z".repeat(10) + "\n", TINY);
    assertEquals(List.of(
        "too-large 2:10 /title: a value of 11 characters is longer than the 10 a policy file allows",
        "too-large 4:7 /list/0: a value of 12 characters is longer than the 10 a policy file allows"), located(problems));
    assertEquals("a clause's text is a paragraph, not a document", problems.get(0).hint().orElseThrow());
  }

  @Test
  void aLongValueInJsonIsSaidToBeTooLongForJsonNotForAPolicyFile() {
    List<Diagnostic> problems = refused("{\"id\": \"short\",\n \"summary\": \"" + "x".repeat(11) + "\"}", TINY);
    assertEquals(List.of("too-large 2:13 /summary: a value of 11 characters is longer than the 10 one JSON value may have"),
        located(problems));
    assertEquals("send a summary, not a whole document: one value is a word or a paragraph", problems.get(0).hint().orElseThrow());
  }

  @Test
  void nestingDeeperThanTheLimitInJsonIsHintedWithoutNamingAPolicy() {
    Diagnostic d = refused("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}", TINY).get(0);
    assertEquals("nest objects and arrays at most 4 levels deep", d.hint().orElseThrow());
  }

  @Test
  void aKeyLongerThanTheValueLimitWhoseValueIsTheBlockBelowIsReadAsAKey() {
    LocatedTreeReader.Result result = LocatedTreeReader.read(
        "signatories:\n  - office: chair\nlong-section-name:  \r\n  a: b\n".getBytes(StandardCharsets.UTF_8), "policy.yaml", TINY);
    assertEquals("chair", result.root().path("signatories").path(0).path("office").asText());
    assertEquals("b", result.root().path("long-section-name").path("a").asText());
    assertEquals(List.of("too-large 1:8 /title: a value of 13 characters is longer than the 10 a policy file allows"),
        located(refused("title: Example Trust\nsignatories:\n  - office: chair\n", TINY)), "a value is still measured");
  }

  @Test
  void aValueOfExactlyTheLimitIsKept() {
    JsonNode root = LocatedTreeReader.read(("id: " + "x".repeat(10) + "\n").getBytes(StandardCharsets.UTF_8), "policy.yaml",
        ReadLimits.builder().maxScalarLength(10).build()).root();
    assertEquals("x".repeat(10), root.get("id").asText());
  }

  @Test
  void aValueWrittenOverSeveralShortLinesIsMeasuredWhole() {
    List<Diagnostic> problems = refused("id: a\ntext: >\n  abcdef\n  ghijkl\n", ReadLimits.builder().maxScalarLength(10).build());
    assertEquals(List.of("too-large 2:7 /text: a value of 14 characters is longer than the 10 a policy file allows"), located(problems));
  }

  @Test
  void anchorsAliasesAndTagsAreEachLocated() {
    List<Diagnostic> problems = refused("a: &first [x]\nb: *first\nc: !!str 3\n");
    assertEquals(List.of(
        "yaml-feature 1:4 /a: YAML anchor '&first' is not allowed",
        "yaml-feature 2:4 /b: YAML alias '*first' is not allowed",
        "yaml-feature 3:4 /c: YAML tag 'tag:yaml.org,2002:str' is not allowed"), located(problems));
    assertEquals("write each value out in full: policy files do not use anchors and aliases", problems.get(0).hint().orElseThrow());
    assertEquals("write the value out in full: policy files do not use anchors and aliases", problems.get(1).hint().orElseThrow());
    assertEquals("remove the tag: values are plain text, numbers or true/false", problems.get(2).hint().orElseThrow());
  }

  @Test
  void everyDuplicateKeyIsReportedInReadingOrderWithItsFirstLine() {
    List<Diagnostic> problems = refused("b: 1\na: 1\nb: 2\nm:\n  x: 1\n  x: [1, 2]\na: 3\n");
    assertEquals(List.of(
        "duplicate-key 3:1 /b: duplicate key 'b' (first at line 1)",
        "duplicate-key 6:3 /m/x: duplicate key 'x' (first at line 5)",
        "duplicate-key 7:1 /a: duplicate key 'a' (first at line 2)"), located(problems));
  }

  @Test
  void aSecondDocumentIsLocatedAtItsStart() {
    assertEquals(List.of("yaml-feature 3:1 : file holds more than one YAML document ('---')"), located(refused("id: a\n---\nid: b\n")));
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedWithTheLimitInTheHint() {
    Diagnostic d = refused("a:\n  b:\n    c:\n      d:\n        e: 1\n", TINY).get(0);
    assertEquals(Diagnostic.TOO_LARGE, d.code());
    assertTrue(d.message().startsWith("input is too large or too deeply nested: "), d.message());
    assertEquals("a policy needs at most 4 levels of nesting", d.hint().orElseThrow());
  }

  @Test
  void aTabInTheIndentationIsReportedWhereTheTabIs() {
    Diagnostic d = refused("id: a\nmetadata:\n  title: x\n \tversion: 1\n").get(0);
    assertEquals("yaml-syntax 4:2 : a tab indents line 4", located(d));
    assertEquals("YAML indents with spaces, never tabs: replace the tab with spaces that line up with the lines around it", d.hint().orElseThrow());
  }

  @Test
  void aKeyIndentedDeeperThanItsNeighbourIsSaidToBeWronglyIndented() {
    Diagnostic d = refused("id: a\nmetadata:\n  title: x\n\n  # a comment\n   version: 1\n").get(0);
    assertEquals("yaml-syntax 6:4 : wrong indentation: line 6 is indented 3 spaces, but line 3 above it is indented 2", located(d));
    assertEquals("keys of one mapping start in the same column: indent line 6 by 2 spaces like line 3, or put it under a key that ends with ':'",
        d.hint().orElseThrow());
  }

  @Test
  void aKeyIndentedByOneSpaceSaysSpaceNotSpaces() {
    Diagnostic d = refused("metadata:\n  title: x\n version: 1\n").get(0);
    assertTrue(d.message().startsWith("wrong indentation: line 3 is indented 1 space, but line 2 above it is indented 2"), located(d));
  }

  @Test
  void aValueWithColonSpaceIsToldToBeQuotedWhereTheParserStopped() {
    Diagnostic d = refused("id: a\ntitle: Rules: the short version\n").get(0);
    assertEquals(Diagnostic.YAML_SYNTAX, d.code());
    assertEquals(List.of(2, 13), List.of(d.line(), d.column()));
    assertEquals("not valid YAML: mapping values are not allowed here", d.message());
    assertEquals("a value containing ': ' must be quoted", d.hint().orElseThrow());
  }

  @Test
  void otherSyntaxErrorsKeepTheParsersTwoSentencesAndNoExcerpt() {
    Diagnostic d = refused("id: a\nlist: [a, b\nnext: c\n").get(0);
    assertEquals(Diagnostic.YAML_SYNTAX, d.code());
    assertEquals("not valid YAML: while parsing a flow sequence; expected ',' or ']', but got :", d.message());
    assertTrue(!d.message().contains("in 'reader'") && !d.message().contains("^"), d.message());
    assertTrue(d.hint().isEmpty(), d.describe());
  }

  @Test
  void aQuestionMarkStandInNeverReachesAKeyOrAnAlias() {
    JsonNode root = read("why?: {because?: so}\n").root();
    assertEquals("so", root.at("/why?/because?").asText());
  }
  @Test
  void aLongValueInANestedListIsRefusedAtTheInnerItem() {
    assertEquals(List.of("too-large 2:7 /list/0/0: a value of 12 characters is longer than the 10 a policy file allows"),
        located(refused("list:\n  - - " + "y".repeat(12) + "\n", TINY)));
  }

  @Test
  void aLineWhoseFirstColonComesAfterAThousandCharactersIsMeasuredFromItsItem() {
    List<Diagnostic> problems = refused("list:\n  - " + "k".repeat(1030) + ": v\n", ReadLimits.builder().maxScalarLength(10).build());
    assertEquals(List.of("too-large 2:5 /list/0: a value of 1,033 characters is longer than the 10 a policy file allows"), located(problems));
  }

  @Test
  void aCommentAfterAShortValueIsNotMeasuredWithIt() {
    JsonNode root = LocatedTreeReader.read(("id: a\nnote: b # " + "c".repeat(40) + "\n#" + "d".repeat(40) + "\n").getBytes(StandardCharsets.UTF_8),
        "policy.yaml", ReadLimits.builder().maxScalarLength(10).build()).root();
    assertEquals("b", root.get("note").asText());
  }

  @Test
  void aLongValueFollowedByACommentIsMeasuredWithoutTheComment() {
    List<Diagnostic> problems = refused("id: a\nnote: " + "b".repeat(11) + " # a comment\nquoted: 'x # y " + "z".repeat(10) + "'\n",
        ReadLimits.builder().maxScalarLength(10).build());
    assertEquals(List.of(
        "too-large 2:7 /note: a value of 11 characters is longer than the 10 a policy file allows",
        "too-large 3:9 /quoted: a value of 18 characters is longer than the 10 a policy file allows"), located(problems));
  }

  @Test
  void theNestingLimitIsNamedInOneLineInWordsNotTheJsonLibrarys() {
    Diagnostic d = refused("a:\n  b:\n    c:\n      d:\n        e: 1\n", TINY).get(0);
    assertEquals("too-large 0:0 : input is too large or too deeply nested: more than 4 levels of nesting", located(d));
    Diagnostic json = refused("{\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}", TINY).get(0);
    assertEquals("input is too large or too deeply nested: more than 4 levels of nesting", json.message());
  }

  @Test
  void aFileCutOffInsideACharacterIsLocatedAtTheCutCharacter() {
    byte[] bytes = {'i', 'd', ':', ' ', 'a', '\n', 'b', ':', ' ', (byte) 0xC3};
    List<Diagnostic> problems = assertThrows(PolicyValidationException.class,
        () -> LocatedTreeReader.read(bytes, "policy.yaml", ReadLimits.STANDARD)).diagnostics();
    assertEquals(List.of("encoding 2:4 : file is not valid UTF-8: byte 0xC3 at offset 9"), located(problems));
  }
  @Test
  void aFileStartingWithABlankLineLocatesALongValueOnItsOwnLine() {
    assertEquals(List.of("too-large 3:8 /title: a value of 11 characters is longer than the 10 a policy file allows"),
        located(refused("\nid: a\ntitle: " + "x".repeat(11) + "\n", TINY)));
  }

  @Test
  void aRaggedLastLineLongerThanTheValueLimitIsReadWithoutFailing() {
    ReadLimits limits = ReadLimits.builder().maxScalarLength(10).build();
    assertEquals(List.of("{\"a\":\"\"}", "{\"a\":[\"\"]}", "{\"a\":\"\"}"), List.of("a:\n" + " ".repeat(12), "a:\n" + " ".repeat(12) + "-",
        "a: " + " ".repeat(12)).stream()
        .map(yaml -> LocatedTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8), "policy.yaml", limits).root().toString()).toList());
  }

  @Test
  void jsonIsReadAsJsonWithItsTabsEscapesAndExponents() {
    JsonNode root = read("{\"id\":\t\"a\\/b\",\t\"n\": 1e5, \"q\": \"why?\"}").root();
    assertEquals("a/b", root.get("id").asText());
    assertTrue(root.get("n").isNumber(), root.toString());
    assertEquals(100000, root.get("n").asInt());
    assertEquals("why?", root.get("q").asText());
  }

  @Test
  void aTabAfterAListDashIsNamedWhereItIs() {
    Diagnostic d = refused("list:\n  -\tx\n  - y\n").get(0);
    assertEquals("yaml-syntax 2:4 : not valid YAML: while scanning for the next token; found character '\\t(TAB)' that cannot start any token."
        + " (Do not use \\t(TAB) for indentation)", located(d));
    assertEquals("YAML indents with spaces, never tabs", d.hint().orElseThrow());
  }

  @Test
  void textThatStartsLikeJsonAndIsNeitherJsonNorYamlIsToldWhereItStopsBeingJson() {
    Diagnostic broken = refused("{\"id\": \"x\",\n \"person\": {\"roles\": [\"staff\"]},,}").get(0);
    assertEquals("yaml-syntax 2:33 : not valid JSON", located(broken));
    assertEquals("look just before line 2, column 33: a missing comma or quote, a comma before '}' or ']', single quotes,"
        + " or text after the object", broken.hint().orElseThrow());
    assertEquals("yaml-syntax 1:12 : not valid JSON: it ends before the JSON is complete", located(refused("{\"id\": \"x\",").get(0)));
    assertEquals("yaml-syntax 1:13 : not valid JSON", located(refused("{\"id\": \"x\"} ]").get(0)));
    assertEquals("yaml-syntax 1:13 : not valid JSON: more follows the first value",
        located(refused("{\"id\": \"x\"} {\"id\": \"y\"}").get(0)));
  }

  @Test
  void anEmptyFileIsToldHowAPolicyAndAnIncidentStart() {
    for (String empty : List.of("", " \n\n", "# only a comment\n")) {
      Diagnostic d = refused(empty).get(0);
      assertEquals(Diagnostic.MISSING, d.code());
      assertEquals("a policy starts with 'schemaVersion: 1', an incident with 'id:'", d.hint().orElseThrow(), empty);
    }
  }
}
