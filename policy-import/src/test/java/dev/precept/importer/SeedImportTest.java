package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.ClauseKind;
import dev.precept.model.Clause;
import dev.precept.model.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedImportTest {
  static final Path SEED = Path.of("../examples/connect-academy-trust/source/connect-academy-trust-social-media-policy-2016.txt");

  @Test
  void seedTextImportsToASkeletonThatRendersEverySentenceInOrder() throws IOException {
    ImportedPolicy imported = PolicyImporter.standard().read(SEED);
    String rendered = RenderedText.of(imported.policy());
    List<String> sentences = RenderedText.sentences(Files.readString(SEED, StandardCharsets.UTF_8));
    assertTrue(sentences.size() > 40, "the seed has its sentences: " + sentences.size());
    assertNull(RenderedText.firstMissing(sentences, rendered), () -> "missing or out of order in:\n" + rendered
        + "\n\nskeleton:\n" + imported.yaml());
  }

  @Test
  void seedMetadataComesFromTheTitlePageAndSignatureBlock() {
    Policy policy = PolicyImporter.standard().read(SEED).policy();
    assertEquals("Connect Academy Trust", policy.metadata().organisation());
    assertEquals("Social Media Policy", policy.metadata().title());
    assertEquals("Social Media", policy.metadata().shortTitle().orElseThrow());
    assertEquals("2016-09-01", policy.metadata().dates().drafted().toString());
    assertEquals("2016-10-31", policy.metadata().approval().due().orElseThrow().toString());
    assertEquals("Board of Connect Academy Trust", policy.office(policy.metadata().approval().body()).orElseThrow().title());
    assertEquals(List.of("ceo", "chair"), policy.metadata().signatories().stream().map(s -> s.office()).toList());
    assertEquals(List.of("Key Principles", "Aims", "Code of Conduct", "Potential and Actual Breaches of the Code of Conduct"),
        policy.sections().stream().map(s -> s.title()).toList());
  }

  @Test
  void seedClauseKindsAreGuessedAndEachGuessIsMarkedForReview() {
    ImportedPolicy imported = PolicyImporter.standard().read(SEED);
    Policy policy = imported.policy();
    long kinds = imported.yaml().lines().filter(l -> l.strip().startsWith("kind:")).count();
    long marked = imported.yaml().lines().filter(l -> l.strip().startsWith("kind:") && l.contains("# review: ")).count();
    assertEquals(policy.allClauses().size(), kinds);
    assertEquals(kinds, marked, "every kind carries a review comment");
    Clause aim = policy.sections().get(1).clauses().get(0);
    assertEquals(ClauseKind.AIM, aim.kind());
    Clause advised = policy.allClauses().stream().filter(c -> c.text().contains("are advised to")).findFirst().orElseThrow();
    assertEquals(ClauseKind.ADVISORY, advised.kind());
    Clause mustNot = policy.allClauses().stream().filter(c -> c.text().contains("must not communicate")).findFirst().orElseThrow();
    assertEquals(ClauseKind.PROHIBITION, mustNot.kind());
  }

  @Test
  void reportListsRolesConsequencesAndExceptionsToModel() {
    ImportReport report = PolicyImporter.standard().read(SEED).report();
    List<String> roles = report.rolesToDeclare().stream().map(f -> f.phrase().toLowerCase(java.util.Locale.ROOT)).toList();
    assertTrue(roles.containsAll(List.of("staff", "pupils", "governors", "volunteers", "employees")), roles::toString);
    assertTrue(report.candidateConsequences().stream().anyMatch(f -> f.phrase().startsWith("summary dismissal")
        || f.phrase().contains("may result in summary dismissal")), report.candidateConsequences()::toString);
    assertTrue(report.exceptionPhrases().stream().anyMatch(f -> f.phrase().equals("without prior written or verbal permission from the CEO")),
        report.exceptionPhrases()::toString);
    assertTrue(report.exceptionPhrases().stream().anyMatch(f -> f.phrase().startsWith("other than in exceptional circumstances")),
        report.exceptionPhrases()::toString);
  }

  @Test
  void sameFileGivesTheSameSkeleton() {
    assertEquals(PolicyImporter.standard().read(SEED).yaml(), PolicyImporter.standard().read(SEED).yaml());
  }
}
