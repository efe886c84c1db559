package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paragraph numbers are the ones the document prints, and appendices number on their own. */
class NumberingTest {
  private static final String HEAD;

  static {
    try {
      String minimal = Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8);
      HEAD = minimal.substring(0, minimal.indexOf("sections:"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Policy policy(String sections) {
    return PolicyLoader.standard().parse(HEAD + sections, "numbered.yaml");
  }

  private static final String SECTIONS = """
      sections:
        - id: intro
          title: Introduction
          clauses:
            - {id: intro.one, kind: statement, text: First.}
            - {id: intro.two, kind: statement, text: Second.}
            - {id: intro.two-more, kind: statement, runOn: true, text: Still the second paragraph.}
        - id: rules
          title: Rules
          clauses:
            - id: rules.lead
              kind: statement
              text: "The following are not acceptable:"
              items:
                - {id: rules.logo, kind: prohibition, text: Using the logo., category: conduct}
                - {id: rules.name, kind: prohibition, text: Using the name., category: conduct}
            - {id: rules.after-list, kind: statement, runOn: true, text: A run-on after a list starts a paragraph.}
      """;

  @Test
  void numbersParagraphsListItemsAndRunOnClausesAsTheDocumentShowsThem() {
    Numbering numbering = policy(SECTIONS).numbering();
    assertEquals(Map.of("intro", "1", "rules", "2"), numbering.sections());
    assertEquals(List.of("1.1", "1.2", "1.2", "2.1", "2.1(a)", "2.1(b)", "2.2"), List.copyOf(numbering.paragraphs().values()));
    assertEquals("paragraph 2.1(b)", numbering.cite("rules.name"));
    assertEquals("paragraphs 2.1(a) and 2.2", numbering.citeAll(List.of("rules.logo", "rules.after-list")));
    assertEquals("clause 'no.such'", numbering.cite("no.such"));
    assertEquals("section 2", numbering.citeSection("rules"));
  }

  @Test
  void clausesCitedTogetherAreEachCitedByTheirParagraphOrTheirIdWhenThePolicyLacksThem() {
    Numbering numbering = policy(SECTIONS).numbering();
    assertEquals("paragraph 2.1(b)", numbering.citeAll(List.of("rules.name")));
    assertEquals("paragraphs 2.1(a), 2.1(b) and 2.2", numbering.citeAll(List.of("rules.logo", "rules.name", "rules.after-list")));
    assertEquals("paragraph 2.1(a), clause 'no.such' and paragraph 2.2", numbering.citeAll(List.of("rules.logo", "no.such", "rules.after-list")));
    assertEquals("paragraph 2.1(a) and clause 'no.such'", numbering.citeAll(List.of("rules.logo", "no.such")));
    assertEquals("", numbering.citeAll(List.of()));
    assertEquals("section 'no.such'", numbering.citeSection("no.such"));
  }

  @Test
  void appendicesAreLetteredWithTheirOwnParagraphNumbers() {
    Policy policy = policy(SECTIONS + """
        appendices:
          - id: glossary
            title: Glossary
            clauses:
              - {id: glossary.social-media, kind: statement, text: Social media means any site where people post.}
              - {id: glossary.staff, kind: statement, text: Staff means employees.}
          - id: forms
            title: Forms
            clauses:
              - {id: forms.permission, kind: statement, text: The permission form.}
        """);
    Numbering numbering = policy.numbering();
    assertEquals("A.2", numbering.number("glossary.staff").orElseThrow());
    assertEquals("B.1", numbering.number("forms.permission").orElseThrow());
    assertEquals("Appendix B", numbering.citeSection("forms"));
    assertTrue(policy.clause("glossary.staff").isPresent(), "an appendix's clauses are the policy's clauses");
    assertEquals("glossary", policy.sectionOf("glossary.staff").orElseThrow().id());
  }

  @Test
  void aPolicyWithoutAppendicesKeepsItsDigest() {
    Policy policy = policy(SECTIONS);
    Policy withEmptyAppendices = Policy.builder().from(policy).appendices(List.of()).build();
    assertEquals(PolicyDigest.of(policy), PolicyDigest.of(withEmptyAppendices));
    assertTrue(!PolicyYaml.toTree(policy).has("appendices"), "no empty appendices in the canonical form");
  }

  @Test
  void rejectsAnAppendixClauseIdAlreadyUsedInASectionWithItsPointer() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> policy(SECTIONS + """
        appendices:
          - id: glossary
            title: Glossary
            clauses:
              - {id: intro.one, kind: statement, text: A clash.}
        """));
    assertTrue(e.diagnostics().stream().anyMatch(p -> p.pointer().equals("/appendices/0/clauses/0/id")
        && p.message().contains("clause id 'intro.one' is already used")), e.diagnostics().toString());
  }

  @Test
  void rejectsAnAppendixWithTheIdOfASection() {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> policy(SECTIONS + """
        appendices:
          - id: rules
            title: Glossary
            clauses:
              - {id: glossary.one, kind: statement, text: A term.}
        """));
    assertTrue(e.diagnostics().stream().anyMatch(p -> p.pointer().equals("/appendices/0/id")), e.diagnostics().toString());
  }

  @Test
  void anOfficeTitledWithTheReadsWithoutADoubleArticle() {
    assertEquals("the Council", Office.withArticle("the Council"));
    assertEquals("the Board of Directors", Office.withArticle("Board of Directors"));
    Office council = Office.builder().id("council").title("The Council").build();
    assertEquals("The Council", council.asSubject());
    assertEquals("The Chief Executive", Office.builder().id("ceo").title("Chief Executive").build().asSubject());
  }
}
