package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An academy's overlay on the Trust's master: merging gives an ordinary policy with its clauses'
 * origins, and every mistake in an overlay is reported where the overlay file makes it.
 */
class OverlayTest {
  private static final Path LIBRARY = Path.of("../examples/connect-academy-trust-library");
  private static final Path MASTER_2016 = LIBRARY.resolve("policies/social-media/social-media-policy.yaml");
  private static final Path MASTER_2017 = LIBRARY.resolve("policies/social-media/social-media-policy-2017.yaml");
  private static final Policy MASTER = PolicyLoader.standard().load(MASTER_2016);
  private static final Policy MASTER_NEXT = PolicyLoader.standard().load(MASTER_2017);

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Overlay academy(String name) {
    return OverlayLoader.standard().load(LIBRARY.resolve("academies/" + name + "/social-media.overlay.yaml"));
  }

  private static Overlay overlay(String yaml) {
    return OverlayLoader.standard().parse(yaml, "penhallow.overlay.yaml");
  }

  private static final String HEAD = "overlayVersion: 1\n"
      + "academy: Penhallow Academy\n"
      + "master:\n"
      + "  policy: cat-social-media\n"
      + "  edition: \"2016.1\"\n"
      + "variables:\n"
      + "  academy.name: Penhallow Academy\n"
      + "  safeguarding-lead.name: Ms R. Trewin\n";

  /** The problems, each as file:line:column: message. */
  private static List<String> problems(PolicyValidationException e) {
    return e.diagnostics().stream().map(p -> p.source() + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
  }

  private static List<String> mergeProblems(String yaml) {
    Overlay overlay = overlay(yaml);
    return problems(assertThrows(PolicyValidationException.class, () -> overlay.applyTo(MASTER)));
  }

  @Test
  void mergedAcademyPolicyIsAnOrdinaryPolicyWithTheVariablesPutIn() {
    Policy trelissick = academy("trelissick").applyTo(MASTER);
    String json = PolicyYaml.writeJson(trelissick);
    assertFalse(json.contains("{{"), "a variable was left in the academy's policy");
    assertTrue(trelissick.metadata().shortTitle().orElseThrow().equals("Social Media: Trelissick Academy"));
    assertEquals("Executive Headteacher", trelissick.office("headteacher").orElseThrow().title());
    assertTrue(trelissick.variation().isEmpty(), "an academy's policy is not a master");
    Derivation from = trelissick.derivedFrom().orElseThrow();
    assertEquals("2016.1", from.edition());
    assertEquals(PolicyDigest.of(MASTER).toString(), from.digest());
    // written out and read back, it is the same policy with the same digest
    Policy reread = PolicyLoader.standard().parse(PolicyYaml.write(trelissick), "trelissick.yaml");
    assertEquals(trelissick, reread);
    assertEquals(PolicyDigest.of(trelissick), PolicyDigest.of(reread));
    assertNotEquals(PolicyDigest.of(MASTER), PolicyDigest.of(trelissick));
  }

  @Test
  void tailoredClausesCarryTheirOriginAndMasterClausesNone() {
    Policy trelissick = academy("trelissick").applyTo(MASTER);
    ClauseOrigin replaced = trelissick.clause("conduct.report-concerns").orElseThrow().origin().orElseThrow();
    assertEquals(TailoringKind.REPLACE, replaced.tailoring());
    assertEquals("local to Trelissick Academy (text replaced)", replaced.describe());
    assertTrue(trelissick.clause("conduct.report-concerns").orElseThrow().text().contains("or the Executive Headteacher, in person"));
    Clause added = trelissick.clause("conduct.trelissick.personal-devices").orElseThrow();
    assertEquals(TailoringKind.ADD_AFTER, added.origin().orElseThrow().tailoring());
    List<String> items = trelissick.clause("conduct.not-acceptable").orElseThrow().items().stream().map(Clause::id).toList();
    assertEquals(items.indexOf("conduct.unauthorised-images") + 1, items.indexOf("conduct.trelissick.personal-devices"),
        "the added clause follows the clause it was added after");
    long local = trelissick.allClauses().stream().filter(c -> c.origin().isPresent()).count();
    assertEquals(2, local);
  }

  @Test
  void anUnsetVariableTakesTheMastersDefault() {
    Policy boscawen = academy("boscawen").applyTo(MASTER);
    assertEquals("Headteacher", boscawen.office("headteacher").orElseThrow().title());
    assertTrue(boscawen.allClauses().stream().noneMatch(c -> c.origin().isPresent()));
  }

  @Test
  void mergingIsDeterministicWhateverTheOrderOfTheOverlaysKeys() {
    Policy once = academy("penhallow").applyTo(MASTER);
    Policy again = academy("penhallow").applyTo(MASTER);
    assertEquals(PolicyYaml.writeJson(once), PolicyYaml.writeJson(again));
    String reordered = "variables:\n  safeguarding-lead.name: Ms R. Trewin\n  headteacher.title: Head of School\n"
        + "  academy.name: Penhallow Academy\nmaster:\n  edition: \"2016.1\"\n  policy: cat-social-media\n"
        + "academy: Penhallow Academy\noverlayVersion: 1\n";
    assertEquals(PolicyDigest.of(once), PolicyDigest.of(overlay(reordered).applyTo(MASTER)));
  }

  @Test
  void rejectsATailoringOfALockedClauseWhereItIsWritten() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n  - replace: principles.scope\n    text: Our own scope.\n");
    assertEquals(List.of("penhallow.overlay.yaml:10:5: clause 'principles.scope' is locked: the master does not let an academy"
        + " replace the text of it"), problems);
  }

  @Test
  void rejectsATailoringTheMasterDoesNotAllowForThatClause() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n  - remove: conduct.report-concerns\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("penhallow.overlay.yaml:10:5: clause 'conduct.report-concerns' is locked against this"),
        problems.get(0));
  }

  @Test
  void rejectsAMissingVariableNamingIt() {
    String yaml = HEAD.replace("  safeguarding-lead.name: Ms R. Trewin\n", "");
    List<String> problems = mergeProblems(yaml);
    assertEquals(List.of("penhallow.overlay.yaml:6:1: variable 'safeguarding-lead.name' (The name of the academy's"
        + " Designated Safeguarding Lead) is not set"), problems);
  }

  @Test
  void rejectsAnUnknownVariableWithASuggestion() {
    Overlay overlay = overlay(HEAD + "  academy.nmae: Penhallow\n");
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> overlay.applyTo(MASTER));
    assertEquals(List.of("penhallow.overlay.yaml:9:3: variable 'academy.nmae' is not one the master declares"), problems(e));
    assertEquals("did you mean 'academy.name'?", e.diagnostics().get(0).hint().orElseThrow());
  }

  @Test
  void aMisspeltVariableIsOneProblemNotAlsoAnUnsetOne() {
    List<String> problems = mergeProblems(HEAD.replace("  academy.name: Penhallow Academy", "  academy.nmae: Penhallow Academy"));
    assertEquals(List.of("penhallow.overlay.yaml:7:3: variable 'academy.nmae' is not one the master declares"), problems);
  }

  @Test
  void rejectsAVariableValueThatIsNotPlainText() {
    List<String> problems = mergeProblems(HEAD.replace("Ms R. Trewin", "\"{{academy.name}}\""));
    assertEquals(List.of("penhallow.overlay.yaml:8:3: the value of 'safeguarding-lead.name' must be plain text on one line"), problems);
  }

  @Test
  void rejectsAMasterEditionThatDoesNotExist() {
    Overlay overlay = overlay(HEAD.replace("2016.1", "2015.1"));
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> overlay.namedEdition(List.of(MASTER, MASTER_NEXT)));
    assertEquals(List.of("penhallow.overlay.yaml:5:3: master policy 'cat-social-media' has no edition '2015.1'"), problems(e));
    assertEquals("its editions: 2016.1, 2017.1", e.diagnostics().get(0).hint().orElseThrow());
    assertEquals(MASTER, overlay(HEAD).namedEdition(List.of(MASTER_NEXT, MASTER)));
  }

  @Test
  void rejectsATailoringOfAClauseTheNewMasterEditionRemoved() {
    String text = read(MASTER_2016).replace("version: \"2016.1\"", "version: \"2018.1\"");
    int start = text.indexOf("      - id: conduct.identity-fraud");
    int end = text.indexOf("      - id: conduct.radicalisation");
    text = text.substring(0, start) + text.substring(end);
    text = text.replace("    - clause: conduct.identity-fraud\n      allow: [replace, remove]\n", "");
    Policy removed = PolicyLoader.standard().parse(text, "social-media-policy-2018.yaml");
    Overlay overlay = overlay(HEAD + "tailoring:\n  - remove: conduct.identity-fraud\n    reason: Covered by our e-safety lessons.\n");
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> overlay.applyTo(removed, MASTER));
    assertEquals(List.of("penhallow.overlay.yaml:10:5: clause 'conduct.identity-fraud' was removed in master edition 2018.1;"
        + " it was in 2016.1, which this overlay names"), problems(e));
    assertEquals(1, overlay.changedUnderneath(MASTER, removed).size());
  }

  @Test
  void rejectsATailoringThatDoesTwoThingsOrLacksItsText() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> overlay(HEAD + "tailoring:\n"
        + "  - replace: conduct.report-concerns\n    remove: conduct.identity-fraud\n"
        + "  - replace: conduct.identity-fraud\n"));
    assertEquals(List.of(
        "penhallow.overlay.yaml:10:5: tailoring[0] does 2 things at once: it needs exactly one of replace, addAfter or remove",
        "penhallow.overlay.yaml:12:5: replacing clause 'conduct.identity-fraud' needs the new 'text'"), problems(e));
  }

  @Test
  void rejectsAnUnknownKeyThroughTheSchemaWithItsLocation() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> overlay(HEAD + "tailoring:\n  - replace: conduct.report-concerns\n    txt: Report to us.\n"));
    assertEquals(List.of("penhallow.overlay.yaml:11:5: unknown key 'txt'"), problems(e));
  }

  @Test
  void rejectsAnAddedClauseWhoseIdTheMasterUsesOrWhoseCategoryIsUnknown() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n"
        + "  - addAfter: conduct.unauthorised-images\n    clause:\n      id: conduct.derogatory-comments\n"
        + "      kind: advisory\n      text: Be kind.\n"
        + "  - addAfter: conduct.unauthorised-images\n    clause:\n      id: conduct.local.phones\n"
        + "      kind: prohibition\n      text: Phones in class.\n      category: phones\n");
    assertEquals(2, problems.size(), problems::toString);
    assertEquals("penhallow.overlay.yaml:12:7: clause id 'conduct.derogatory-comments' is already taken by a clause of the master",
        problems.get(0));
    assertTrue(problems.get(1).startsWith("penhallow.overlay.yaml:20:7: ") && problems.get(1).contains("'phones'"), problems::toString);
    List<String> category = mergeProblems(HEAD + "tailoring:\n"
        + "  - addAfter: conduct.unauthorised-images\n    clause:\n      id: conduct.local.phones\n"
        + "      kind: prohibition\n      text: Phones in class.\n      category: phones\n");
    assertEquals(1, category.size());
    assertTrue(category.get(0).startsWith("penhallow.overlay.yaml:15:7: "), category.get(0));
    assertTrue(category.get(0).contains("'phones'"), category.get(0));
  }

  @Test
  void everyMistakeInTheTailoringIsReportedAtOnceNotOneStageAtATime() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n"
        + "  - replace: conduct.report-concern\n    text: Report to us.\n"
        + "  - addAfter: conduct.unauthorised-images\n    clause:\n      id: conduct.local.phones\n"
        + "      kind: prohibition\n      text: Phones in class.\n      appliesTo: [nursery-staff]\n");
    assertEquals(List.of("penhallow.overlay.yaml:10:5: master edition 2016.1 has no clause 'conduct.report-concern'",
        "penhallow.overlay.yaml:17:19: clause 'conduct.local.phones' names unknown role 'nursery-staff'"), problems);
  }

  @Test
  void aDuplicateIdInAnAddedClauseNamesNoLineOfTheMergedPolicy() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n"
        + "  - addAfter: conduct.unauthorised-images\n    clause:\n      id: conduct.local.phones\n"
        + "      kind: prohibition\n      text: Phones in class.\n      category: images\n      exceptions:\n"
        + "        - {id: conduct.local.phones.ok, text: with permission, office: ceo, timing: prior}\n"
        + "        - {id: conduct.local.phones.ok, text: with leave, office: ceo, timing: prior}\n");
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains("exception id 'conduct.local.phones.ok' is already used by"), problems::toString);
    assertFalse(problems.get(0).contains("(line "), problems::toString);
  }

  @Test
  void rejectsAnUnknownVariableInTheAcademysOwnText() {
    List<String> problems = mergeProblems(HEAD + "tailoring:\n  - replace: conduct.report-concerns\n"
        + "    text: Tell the {{head.title}} at once.\n");
    assertEquals(List.of("penhallow.overlay.yaml:11:5: {{head.title}} is not a variable of the master"), problems);
  }

  @Test
  void rejectsAnOverlayForAnotherPolicy() {
    List<String> problems = mergeProblems(HEAD.replace("policy: cat-social-media", "policy: cat-acceptable-use"));
    assertEquals(List.of("penhallow.overlay.yaml:4:3: this overlay is for policy 'cat-acceptable-use', not 'cat-social-media'"), problems);
  }

  @Test
  void aMasterUsingAnUndeclaredVariableIsRejectedWhereItIsUsed() {
    String text = read(MASTER_2016).replace("Signs the academy's tailoring", "Signs {{acadmey.name}}'s tailoring");
    PolicyValidationException e = assertThrows(PolicyValidationException.class,
        () -> PolicyLoader.standard().parse(text, "master.yaml"));
    assertEquals(1, e.diagnostics().size());
    Diagnostic p = e.diagnostics().get(0);
    assertEquals("variable {{acadmey.name}} is not declared", p.message());
    assertEquals("did you mean 'academy.name'?", p.hint().orElseThrow());
    assertEquals("/offices/7/description", p.pointer());
  }

  @Test
  void aNewMasterEditionFlagsOnlyOverlaysWhoseTailoredClausesChanged() {
    Overlay trelissick = academy("trelissick");
    List<Diagnostic> attention = trelissick.changedUnderneath(MASTER, MASTER_NEXT);
    assertEquals(1, attention.size(), attention.stream().map(Diagnostic::describe).collect(Collectors.joining("\n")));
    assertTrue(attention.get(0).message().startsWith("clause 'conduct.report-concerns' changed in master edition 2017.1 since 2016.1"));
    assertEquals("/tailoring/0", attention.get(0).pointer());
    assertNotEquals(trelissick.tailoringDigest(MASTER), trelissick.tailoringDigest(MASTER_NEXT),
        "a change underneath a tailored clause changes what the local governing body approved");
    Overlay penhallow = academy("penhallow");
    assertTrue(penhallow.changedUnderneath(MASTER, MASTER_NEXT).isEmpty());
    assertEquals(penhallow.tailoringDigest(MASTER), penhallow.tailoringDigest(MASTER_NEXT),
        "a new master edition voids no local approval of an academy that tailors nothing it changed");
  }

  @Test
  void anOverlayAlreadyMovedToTheNextDraftEditionIsNotToldToGoBack() {
    Overlay trelissick = academy("trelissick");
    List<Diagnostic> attention = trelissick.changedUnderneath(MASTER_NEXT, MASTER);
    assertEquals(1, attention.size(), attention.stream().map(Diagnostic::describe).collect(Collectors.joining("\n")));
    assertTrue(attention.get(0).message().startsWith("clause 'conduct.report-concerns' reads differently in master edition 2016.1,"
        + " from which the academy's document is made, than in the later edition 2017.1 that this overlay names"),
        attention.get(0).message());
    assertFalse(attention.get(0).hint().orElseThrow().contains("set master.edition"), attention.get(0).hint().orElseThrow());
  }
}
