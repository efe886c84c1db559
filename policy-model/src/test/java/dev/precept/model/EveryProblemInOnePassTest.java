package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A file with schema problems still gets its semantic problems reported in the same pass: each
 * value the schema refuses is stood in for while the names are checked, and nothing is said
 * about the stand-ins themselves.
 */
class EveryProblemInOnePassTest {
  private static final String MINIMAL = read();
  /** The semantic problem every case below also has: a role in a misspelt group. */
  private static final String MISSPELT_GROUP = "memberOf: [employes]";

  private static String read() {
    try {
      return Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Diagnostic> refused(String yaml) {
    return assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(yaml, "policy.yaml"),
        () -> "expected the policy to be refused:\n" + yaml).diagnostics();
  }

  private static List<String> codesAndPointers(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.code() + " " + d.pointer()).toList();
  }

  /** The minimal policy with one schema problem, and its misspelt group. */
  private static String broken(String from, String to) {
    assertTrue(MINIMAL.contains(from), from);
    return MINIMAL.replace(from, to).replace("memberOf: [employees]", MISSPELT_GROUP);
  }

  static Stream<Arguments> schemaProblems() {
    return Stream.of(
        Arguments.of("a missing status", "  status: draft\n", "", "schema.required /metadata"),
        Arguments.of("a missing review period", "  reviewFrequency: P1Y\n", "", "schema.required /metadata"),
        Arguments.of("a missing drafting date", "    drafted: 2024-01-10\n", "    {}\n", "schema.required /metadata/dates"),
        Arguments.of("a drafting date in the wrong form", "drafted: 2024-01-10", "drafted: 10/01/2024", "schema.pattern /metadata/dates/drafted"),
        Arguments.of("missing signatories", "  signatories:\n    - office: chair\n", "", "schema.required /metadata"),
        Arguments.of("a missing approving body", "  approval:\n    body: board\n", "", "schema.required /metadata"),
        Arguments.of("a signatory that is not a mapping", "    - office: chair\n", "    - chair\n", "schema.type /metadata/signatories/0"),
        Arguments.of("an exception from no office", "            office: ceo\n", "", "schema.oneOf /sections/0/clauses/0/exceptions/0"),
        Arguments.of("a missing consequence clause", "    clause: rules.logo\n", "", "schema.required /consequences/0"),
        Arguments.of("a quorum that is not a number", "    description: What did the investigation find?\n",
            "    description: What did the investigation find?\n  - {id: vote, type: decision, body: board, quorum: many, description: Agreed?}\n",
            "schema.type /facts/1/quorum"),
        Arguments.of("an enum fact with no values", "    description: What did the investigation find?\n",
            "    description: What did the investigation find?\n  - {id: outcome, type: enum, description: What happened?}\n",
            "schema.required /facts/1"),
        Arguments.of("a duty step that is maybe optional", "            timing: prior\n",
            "            timing: prior\n        duty: [{id: report, text: report it, optional: maybe}]\n",
            "schema.type /sections/0/clauses/0/duty/0/optional"),
        Arguments.of("a role's attribute value that is a list", "    title: Volunteers\n",
            "    title: Volunteers\n    attributes: {adult: [1]}\n", "schema.type /roles/1/attributes/adult"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaProblems")
  void aSchemaProblemDoesNotHideTheSemanticOnes(String name, String from, String to, String schemaProblem) {
    String yaml = broken(from, to);
    if (name.contains("attribute")) {
      yaml = yaml.replace("facts:\n", "attributes:\n  - {id: adult, type: boolean, description: Is the person 18 or over?}\nfacts:\n");
    }
    List<Diagnostic> diagnostics = refused(yaml);
    String all = diagnostics.stream().map(Diagnostic::describe).collect(Collectors.joining("\n"));
    List<String> found = codesAndPointers(diagnostics);
    assertTrue(found.stream().anyMatch(f -> f.startsWith(schemaProblem)), () -> name + ": expected " + schemaProblem + " in:\n" + all);
    assertTrue(found.contains(Diagnostic.UNKNOWN_GROUP + " /roles/0/memberOf/0"), () -> name + ": the misspelt group is not reported:\n" + all);
    assertEquals(List.of(), diagnostics.stream().filter(d -> d.describe().contains("placeholder")).map(Diagnostic::describe).toList(),
        () -> name + ": a stand-in is reported:\n" + all);
  }
}
