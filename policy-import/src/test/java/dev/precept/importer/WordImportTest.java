package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.model.ClauseKind;
import dev.precept.model.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordImportTest {
  @TempDir static Path folder;
  static ImportedPolicy imported;

  @BeforeAll
  static void importTheWordPolicy() throws IOException {
    Path docx = folder.resolve("acceptable-use.docx");
    Files.write(docx, WordFixture.policy());
    imported = PolicyImporter.standard().read(docx);
  }

  @Test
  void everySentenceOfTheWordDocumentRendersBackInOrder() {
    String rendered = RenderedText.of(imported.policy());
    assertNull(RenderedText.firstMissing(WordFixture.SENTENCES, rendered), () -> rendered + "\n\n" + imported.yaml());
  }

  @Test
  void headingsBecomeSectionsAndTheTitleStyleTheTitle() {
    Policy policy = imported.policy();
    assertEquals("Acceptable Use Policy", policy.metadata().title());
    assertEquals(List.of("Purpose", "Rules", "Responsibilities"), policy.sections().stream().map(s -> s.title()).toList());
  }

  @Test
  void numberedListHangsUnderItsLeadInWithTheNestedItemNoted() {
    Clause leadIn = imported.policy().sections().get(1).clauses().get(0);
    assertEquals("Users **must not** share their passwords with anyone:", leadIn.text());
    assertEquals(List.of("Passwords are personal to the user.", "Accounts are locked after five failed attempts.",
        "Staff accounts are reviewed every term."), leadIn.items().stream().map(Clause::text).toList());
    assertTrue(leadIn.items().stream().allMatch(i -> i.kind() == ClauseKind.PROHIBITION), "items take the lead-in's 'must not'");
    assertTrue(imported.report().notes().stream().anyMatch(n -> n.contains("nested list item")), imported.report().notes()::toString);
  }

  @Test
  void trackedChangesImportAsAcceptedWithStruckOutWordsLeftOut() throws IOException {
    Path docx = folder.resolve("tracked.docx");
    Files.write(docx, WordFixture.withTrackedChanges());
    ImportedPolicy tracked = PolicyImporter.standard().read(docx);
    List<String> texts = tracked.policy().allClauses().stream().map(Clause::text).toList();
    assertEquals(List.of("Staff must not give their personal mobile number to pupils.",
        "Staff must report any concern to the Designated Safeguarding Lead."), texts, tracked::yaml);
  }

  @Test
  void aTableRowTrackedAsDeletedIsLeftOutAndTheRowsAroundItKeepTheirPlaceInTheSource() throws IOException {
    Path docx = folder.resolve("deleted-row.docx");
    Files.write(docx, WordFixture.withDeletedTableRow());
    ImportedPolicy imported = PolicyImporter.standard().read(docx);
    String all = imported.policy().allClauses().stream().map(Clause::text).reduce("", (a, b) -> a + "\n" + b);
    assertFalse(all.contains("Bursar"), imported::yaml);
    assertTrue(all.contains("The Headteacher must approve any new software before it is installed."), imported::yaml);
    assertTrue(all.contains("Staff must report any concern to the Designated Safeguarding Lead."), imported::yaml);
    assertTrue(imported.yaml().contains("# review: from table 1, row 3, column 2 in the source"), imported::yaml);
  }

  @Test
  void aTitlePageWithItsTitleInHeadingOneGivesTheMetadataNotSections() throws IOException {
    Path docx = folder.resolve("online-safety.docx");
    Files.write(docx, WordFixture.titlePageInHeadingStyle());
    ImportedPolicy titled = PolicyImporter.standard().read(docx);
    Policy policy = titled.policy();
    assertEquals("Online Safety Policy", policy.metadata().title(), titled::yaml);
    assertEquals("St Aidan's Multi Academy Trust", policy.metadata().organisation(), titled::yaml);
    assertEquals("3.1", policy.metadata().version(), titled::yaml);
    assertEquals(java.time.LocalDate.of(2023, 9, 1), policy.metadata().dates().drafted(), titled::yaml);
    assertEquals(List.of("Purpose", "Staff"), policy.sections().stream().map(s -> s.title()).toList(), titled::yaml);
  }

  @Test
  void aPolicyTypedWithoutStylesKeepsItsTitlePageAsMetadataDropsTypedNumbersAndListsLetteredParagraphs() throws IOException {
    Path docx = folder.resolve("numbered.docx");
    Files.write(docx, WordFixture.numberedByHand());
    ImportedPolicy numbered = PolicyImporter.standard().read(docx);
    assertEquals(List.of("Acceptable Use Policy", "Riverside Academy Trust", "1.2"), List.of(numbered.policy().metadata().title(),
        numbered.policy().metadata().organisation(), numbered.policy().metadata().version()), numbered::yaml);
    assertEquals(List.of("Introduction", "Monitoring"), numbered.policy().sections().stream().map(s -> s.title()).toList(), numbered::yaml);
    List<Clause> monitoring = numbered.policy().sections().get(1).clauses();
    assertEquals("This policy applies to all staff and pupils of the Trust.",
        numbered.policy().sections().get(0).clauses().get(0).text(), numbered::yaml);
    assertEquals(List.of("The Trust may monitor the use of its systems:", "Any breach may result in disciplinary action."),
        monitoring.stream().map(Clause::text).toList(), numbered::yaml);
    assertEquals(List.of("to check that this policy is followed;", "to investigate a suspected breach."),
        monitoring.get(0).items().stream().map(Clause::text).toList(), numbered::yaml);
  }

  @Test
  void boldAndItalicRunsKeepTheirEmphasis() {
    assertTrue(imported.policy().allClauses().stream().anyMatch(c -> c.text().equals(
        "Staff are *advised to* lock their screens when they leave a room.")));
    String html = dev.precept.render.DocumentRenderer.standard().html(imported.policy(),
        dev.precept.render.SignatureBlock.unsigned(imported.policy()));
    assertTrue(html.contains("<strong>must not</strong>") && html.contains("<em>advised to</em>"));
  }

  @Test
  void headerAndFooterGiveMetadataAndNeverBecomeClauses() {
    Policy policy = imported.policy();
    assertEquals("Riverside Learning Trust", policy.metadata().organisation());
    assertEquals("2.3", policy.metadata().version());
    assertEquals("2025-03-01", policy.metadata().dates().drafted().toString());
    assertFalse(policy.allClauses().stream().anyMatch(c -> c.text().contains("Version 2.3") || c.text().contains("Riverside")));
  }

  @Test
  void tableCellsBecomeClausesMarkedWithWhereTheyCameFrom() {
    assertTrue(imported.yaml().contains("# review: from table 1, row 2, column 2 in the source"), imported.yaml());
    assertTrue(imported.report().notes().stream().anyMatch(n -> n.contains("1 table was read cell by cell")));
  }

  @Test
  void signatureBlockNamesTheSigningOffice() {
    Policy policy = imported.policy();
    assertEquals("Chair of Governors", policy.office(policy.metadata().signatories().get(0).office()).orElseThrow().title());
  }

  @Test
  void reportNamesTheExceptionAndTheConsequence() {
    ImportReport report = imported.report();
    assertTrue(report.exceptionPhrases().stream().anyMatch(f -> f.phrase().equals("unless the Headteacher has given written permission")),
        report.exceptionPhrases()::toString);
    assertTrue(report.candidateConsequences().stream().anyMatch(f -> f.phrase().startsWith("may result in disciplinary action")),
        report.candidateConsequences()::toString);
    assertTrue(report.rolesToDeclare().stream().anyMatch(f -> f.phrase().equals("Headteacher")), report.rolesToDeclare()::toString);
  }
}
