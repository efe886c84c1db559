package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every mistake in a master policy's variation points, each reported where the master makes it:
 * a malformed or undeclared variable, a variable outside prose, a variable declared twice, a
 * tailorable clause that does not exist, is listed twice or is cited by a consequence yet removable,
 * and a local approval by an office the policy does not declare.
 */
class VariationProblemsTest {
  private static final Path MASTER = Path.of("../examples/connect-academy-trust-library/policies/social-media/social-media-policy.yaml");

  private static String master() throws IOException {
    return Files.readString(MASTER, StandardCharsets.UTF_8);
  }

  /** line:column pointer: message (hint), as a clerk reads each problem. */
  private static List<String> problems(String text) {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(text, "master.yaml"));
    return e.diagnostics().stream()
        .map(d -> d.code() + " " + d.line() + ":" + d.column() + " " + d.pointer() + ": " + d.message() + " (" + d.hint().orElse("no hint") + ")")
        .toList();
  }

  private static String replaced(String text, String from, String to) {
    if (!text.contains(from)) {
      throw new AssertionError("the master no longer holds: " + from);
    }
    return text.replace(from, to);
  }

  @Test
  void everyMistakeInTheVariablesOfAMasterIsReportedWhereItIsWritten() throws IOException {
    String text = master();
    text = replaced(text, "shortTitle: \"Social Media: {{academy.name}}\"", "shortTitle: \"Social Media: {{Academy Name}}\"");
    text = replaced(text, "description: The head of {{academy.name}}.", "description: The head of {{academy.name.");
    text = replaced(text, "    action: be met with appropriate action\n",
        "    action: be met with appropriate action\n    options: [a warning, \"a word from {{headteacher.title}}\"]\n");
    text = replaced(text, "title: Local Governing Body of {{academy.name}}", "title: Local Governing Body of {{academy.nmae}}");
    text = replaced(text, "    - id: safeguarding-lead.name\n", "    - id: academy.name\n      title: Again\n    - id: safeguarding-lead.name\n");
    assertEquals(List.of(
        "inconsistent 13:3 /metadata/shortTitle: 'Academy Name' is not a variable: write a variable as {{name}}"
            + " (variable names are lower-case words joined by '.' or '-', e.g. {{academy.name}})",
        "inconsistent 103:5 /offices/5/description: 'The head of {{academy.name.' is not a variable: write a variable as {{name}}"
            + " (variable names are lower-case words joined by '.' or '-', e.g. {{academy.name}})",
        "inconsistent 105:5 /offices/6/title: variable {{academy.nmae}} is not declared (did you mean 'academy.name'?)",
        "inconsistent 360:26 /consequences/0/options/1: variable {{headteacher.title}} is used outside prose"
            + " (variables may be used only in action, description, formalTitle, organisation, shortTitle, summary, text, title)",
        "inconsistent 423:7 /variation/variables/2/id: variable 'academy.name' is declared twice (give each variable one declaration)"),
        problems(text));
  }

  @Test
  void aVariableInAPolicyWithoutVariationIsToldToBeDeclared() throws IOException {
    String text = replaced(Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8),
        "action: be investigated", "action: be investigated by {{trust.name}}");
    assertEquals(List.of("inconsistent 62:5 /consequences/0/action: variable {{trust.name}} is not declared"
        + " (declare it under variation.variables with an id and a title)"), problems(text));
  }

  @Test
  void everyMistakeInWhatAnAcademyMayTailorOrWhoApprovesItIsReported() throws IOException {
    String text = master();
    text = replaced(text, "    - clause: conduct.unauthorised-images\n", "    - clause: conduct.unauthorised-image\n");
    text = replaced(text, "    - clause: conduct.report-concerns\n      allow: [replace]\n",
        "    - clause: conduct.report-concerns\n      allow: [replace]\n    - clause: conduct.report-concerns\n      allow: [add-after]\n"
            + "    - clause: breaches.employee\n      allow: [replace, remove]\n");
    text = replaced(text, "    body: local-governing-body\n    signatories:\n      - office: lgb-chair\n",
        "    body: local-governing-bod\n    signatories:\n      - office: lgb-chair\n      - office: lgb-char\n");
    assertEquals(List.of(
        "inconsistent 426:7 /variation/tailorable/0/clause: tailorable clause 'conduct.unauthorised-image' is not a clause of this policy"
            + " (did you mean 'conduct.unauthorised-images'?)",
        "inconsistent 433:7 /variation/tailorable/3/clause: clause 'conduct.report-concerns' is listed as tailorable twice"
            + " (list each clause once, with every tailoring allowed)",
        "inconsistent 436:7 /variation/tailorable/4/allow: clause 'breaches.employee' may not be removable: a consequence cites it"
            + " (allow replace or add-after only, or cite another clause from the consequence)",
        "inconsistent 439:5 /variation/localApproval/body: local approval body 'local-governing-bod' is not a declared office"
            + " (did you mean 'local-governing-body'?)",
        "inconsistent 442:9 /variation/localApproval/signatories/1/office: local signatory 'lgb-char' is not a declared office"
            + " (did you mean 'lgb-chair'?)"),
        problems(text));
  }
}
