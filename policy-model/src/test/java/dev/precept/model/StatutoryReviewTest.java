package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy may declare the review cycle the law sets for it, with the source of the duty; the key is optional in format 1. */
class StatutoryReviewTest {
  private static final String MINIMAL = read();

  private static String read() {
    try {
      return Files.readString(Path.of("src/test/resources/minimal.yaml"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withStatutory(String block) {
    String yaml = MINIMAL.replace("  reviewFrequency: P1Y\n", "  reviewFrequency: P1Y\n" + block);
    if (yaml.equals(MINIMAL)) {
      throw new IllegalStateException("minimal.yaml has no 'reviewFrequency: P1Y' line");
    }
    return yaml;
  }

  private static List<Diagnostic> refused(String yaml) {
    return assertThrows(PolicyValidationException.class, () -> PolicyLoader.standard().parse(yaml, "policy.yaml")).diagnostics();
  }

  @Test
  void aPolicyDeclaresItsStatutoryReviewCycleAndTheSourceOfTheDuty() {
    Policy policy = PolicyLoader.standard().parse(withStatutory(
        "  statutoryReview:\n    every: P1Y\n    source: Keeping Children Safe in Education 2016, paragraph 66\n"), "policy.yaml");
    Metadata.StatutoryReview statutory = policy.metadata().statutoryReview().orElseThrow();
    assertEquals(Period.ofYears(1), statutory.every());
    assertEquals("Keeping Children Safe in Education 2016, paragraph 66", statutory.source());
    assertEquals("every 1 year", statutory.words());
    Policy again = PolicyLoader.standard().parse(PolicyYaml.write(policy), "written.yaml");
    assertEquals(policy, again, "the statutory cycle survives writing the policy out and reading it back");
  }

  @Test
  void theCycleIsSaidInWords() {
    assertEquals("every 3 years", Metadata.StatutoryReview.builder().every(Period.ofYears(3)).source("law").build().words());
    assertEquals("every 6 months", Metadata.StatutoryReview.builder().every(Period.ofMonths(6)).source("law").build().words());
    assertEquals("every 1 year and 6 months", Metadata.StatutoryReview.builder().every(Period.of(1, 6, 0)).source("law").build().words());
  }

  @Test
  void withoutTheKeyThePolicyAndItsDigestAreAsBefore() {
    Policy policy = PolicyLoader.standard().parse(MINIMAL, "policy.yaml");
    assertTrue(policy.metadata().statutoryReview().isEmpty());
    assertFalse(PolicyYaml.writeJson(policy).contains("statutoryReview"), "an absent cycle is not in the canonical form the Board signs");
  }

  @Test
  void aCycleThatIsNotAPeriodIsRefusedWhereItIsWritten() {
    List<Diagnostic> problems = refused(withStatutory("  statutoryReview:\n    every: annually\n    source: the law\n"));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("/metadata/statutoryReview/every", problems.get(0).pointer());
    assertEquals("policy.yaml", problems.get(0).source());
    assertTrue(problems.get(0).line() > 0 && problems.get(0).column() > 0, problems.get(0).describe());
    assertEquals("write a period such as P1Y (every year), P2Y (every two years) or P6M (every six months)",
        problems.get(0).hint().orElseThrow());
  }

  @Test
  void aCycleWithoutTheSourceOfTheDutyIsRefused() {
    List<Diagnostic> problems = refused(withStatutory("  statutoryReview:\n    every: P2Y\n"));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("/metadata/statutoryReview", problems.get(0).pointer());
    assertTrue(problems.get(0).message().contains("source"), problems.get(0).message());
  }

  @Test
  void aZeroCycleIsRefused() {
    List<Diagnostic> problems = refused(withStatutory("  statutoryReview:\n    every: P0D\n    source: the law\n"));
    assertEquals(List.of("a statutory review cycle must be a positive period"), problems.stream().map(Diagnostic::message).toList());
    assertEquals("/metadata/statutoryReview/every", problems.get(0).pointer());
  }
}
