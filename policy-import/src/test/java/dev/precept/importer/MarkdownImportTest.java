package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Clause;
import dev.precept.model.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownImportTest {
  static final String MARKDOWN = """
      # Visitors Policy

      Hillside Primary School

      Version 1.4

      ## 1. Signing in

      All visitors **must** sign in at reception. Visitors are given a badge.

      The following are *not permitted* on site:

      - smoking or vaping;
      - dogs, other than assistance dogs;
        1. guide dogs are always welcome.

      ## 2. Review

      This policy is reviewed every two years by the [Governing Body](https://example.org).
      """;

  @Test
  void controlCharactersCopiedFromOtherSoftwareAreKeptEscapedAndTheSkeletonValidates(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("odd \u0086characters.md");
    Files.writeString(file, "# Visitors Policy\n\nVisitors must sign in\u0080 at reception\u009f and wear a badge\uFFFE.\n");
    ImportedPolicy imported = PolicyImporter.standard().read(file);
    assertTrue(imported.yaml().contains("sign in\\u0080 at reception\\u009f and wear a badge\\ufffe."), imported.yaml());
    assertTrue(imported.policy().allClauses().stream().anyMatch(c -> c.text().contains("sign in\u0080 at reception")),
        imported.yaml());
  }

  @Test
  void idsThatYamlWouldReadAsNumbersOrBooleansAreQuoted(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("numbers.md");
    Files.writeString(file, "# 55\n\n## 1e5\n\nVisitors must sign in at the front desk on arrival.\n\n## No\n\nStaff must wear a badge at all times on site.\n");
    ImportedPolicy imported = PolicyImporter.standard().read(file);
    assertTrue(imported.yaml().contains("id: \"55\""), imported.yaml());
    assertEquals("55", imported.policy().id());
    assertTrue(imported.yaml().contains("- id: \"1e5\""), imported.yaml());
    assertTrue(imported.yaml().contains("- id: \"no\""), imported.yaml());
  }

  @Test
  void idsStayWithinTheSchemasLengthWhateverTheWords(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("long.md");
    String unbroken = "x".repeat(90);
    Files.writeString(file, "# " + unbroken + "\n\n## " + unbroken + "\n\n" + unbroken + " must sign in at the front desk.\n");
    ImportedPolicy imported = PolicyImporter.standard().read(file);
    assertTrue(imported.policy().allClauses().stream().allMatch(c -> c.id().length() <= 100), imported.yaml());
  }

  @Test
  void aClauseOfToAndOneWordIsGuessedAnAim(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("aims.md");
    Files.writeString(file, "# Visitors Policy\n\nVisitors must sign in at the front desk on arrival.\n\nTo safeguard\n");
    ImportedPolicy imported = PolicyImporter.standard().read(file);
    assertTrue(imported.yaml().contains("guessed from \"to safeguard\" at the start"), imported.yaml());
  }

  @Test
  void markdownHeadingsListsAndEmphasisBecomeTheSkeleton(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("visitors.md");
    Files.writeString(file, MARKDOWN);
    ImportedPolicy imported = PolicyImporter.standard().read(file);
    Policy policy = imported.policy();
    assertEquals("Visitors Policy", policy.metadata().title());
    assertEquals("Hillside Primary School", policy.metadata().organisation());
    assertEquals("1.4", policy.metadata().version());
    assertEquals("P2Y", policy.metadata().reviewFrequency().toString());
    assertEquals(List.of("Signing in", "Review"), policy.sections().stream().map(s -> s.title()).toList());
    Clause leadIn = policy.sections().get(0).clauses().get(1);
    assertEquals("The following are *not permitted* on site:", leadIn.text());
    assertEquals(3, leadIn.items().size());
    assertTrue(policy.sections().get(0).clauses().get(0).text().startsWith("All visitors **must** sign in"));
    List<String> sentences = List.of("All visitors must sign in at reception.", "Visitors are given a badge.",
        "The following are not permitted on site:", "smoking or vaping;", "dogs, other than assistance dogs;",
        "guide dogs are always welcome.", "This policy is reviewed every two years by the Governing Body.");
    assertNull(RenderedText.firstMissing(sentences, RenderedText.of(policy)), imported::yaml);
  }
}
