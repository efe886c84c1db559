package dev.precept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.Person;
import dev.precept.eval.Ruling;
import dev.precept.model.Clause;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.Overlay;
import dev.precept.model.OverlayLoader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Variation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of overlays over seeded random inputs (a failure names its seed): an overlay that only
 * sets variables never changes what any incident's ruling finds or what follows from it; merging
 * is deterministic.
 */
class OverlayPropertiesTest {
  private static final long SEED = Long.getLong("overlay.seed", 20161031L);
  private static final int RUNS = 50;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ'&<>.,-()é0123456789";

  private static String value(Random random) {
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(30);
    while (out.length() < length) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    String text = out.toString().strip();
    return text.isEmpty() ? "x" : text;
  }

  /** An overlay setting every variable (in a random order) to a random value, tailoring nothing. */
  private static Overlay variablesOnly(Policy master, Random random) {
    List<Variation.Variable> variables = new ArrayList<>(master.variation().orElseThrow().variables());
    Collections.shuffle(variables, random);
    StringBuilder yaml = new StringBuilder("overlayVersion: 1\nacademy: Random Academy\nmaster:\n  policy: ")
        .append(master.id()).append("\n  edition: \"").append(master.metadata().version()).append("\"\nvariables:\n");
    for (Variation.Variable variable : variables) {
      if (variable.defaultValue().isPresent() && random.nextBoolean()) {
        continue; // left to the master's default
      }
      yaml.append("  ").append(variable.id()).append(": ").append(quoted(value(random))).append('\n');
    }
    return OverlayLoader.standard().parse(yaml.toString(), "random.overlay.yaml");
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Incident incident(Policy policy, Random random, int n) {
    var builder = Incident.builder().id("random-" + n)
        .person(Person.holding(policy.roles().get(random.nextInt(policy.roles().size())).id()));
    List<Clause> clauses = policy.allClauses();
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      builder.addClauses(clauses.get(random.nextInt(clauses.size())).id());
    }
    if (random.nextInt(3) == 0) {
      builder.addCategories(policy.breachCategories().get(random.nextInt(policy.breachCategories().size())).id());
    }
    for (Fact fact : policy.facts()) {
      if (random.nextBoolean()) {
        builder.putFact(fact.id(), fact.type() == FactType.BOOLEAN ? String.valueOf(random.nextBoolean())
            : fact.values().get(random.nextInt(fact.values().size())));
      }
    }
    return builder.build();
  }

  /** What a ruling finds and what follows, without the policy's identity (digest) or quoted text. */
  private static String substance(Ruling ruling) {
    StringBuilder out = new StringBuilder();
    for (ClauseRuling clause : ruling.clauses()) {
      out.append(clause.clause()).append('=').append(clause.outcome()).append(clause.exception()).append(clause.undecidedBy()).append('\n');
    }
    for (ConsequenceRuling consequence : ruling.consequences()) {
      out.append(consequence.consequence()).append(' ').append(consequence.modality()).append(' ')
          .append(consequence.status()).append(' ').append(consequence.breaches()).append(' ').append(consequence.procedure()).append('\n');
    }
    out.append("unspecified ").append(ruling.unspecified()).append(" diagnostics ").append(ruling.diagnostics().size());
    return out.toString();
  }

  @Test
  void anOverlaySettingOnlyVariablesNeverChangesARulingsOutcomeOrConsequences() throws IOException {
    Random random = new Random(SEED);
    for (Policy master : TrustLibraryExampleTest.masters()) {
      Evaluator atMaster = Evaluator.of(master);
      for (int run = 0; run < RUNS; run++) {
        Policy academy = variablesOnly(master, random).applyTo(master);
        Evaluator atAcademy = Evaluator.of(academy);
        for (int i = 0; i < 4; i++) {
          Incident incident = incident(master, random, i);
          assertEquals(substance(atMaster.rule(incident)), substance(atAcademy.rule(incident)),
              "seed " + SEED + ", run " + run + ", master " + master.metadata().version() + ", incident " + incident);
        }
      }
    }
  }

  @Test
  void mergingTheSameFilesGivesTheSameDigestAndBytes() throws IOException {
    for (Path file : TrustLibraryExampleTest.overlays()) {
      Policy first = TrustLibraryExampleTest.academyPolicy(OverlayLoader.standard().load(file));
      Policy second = TrustLibraryExampleTest.academyPolicy(OverlayLoader.standard().load(file));
      assertEquals(PolicyDigest.of(first), PolicyDigest.of(second), file.toString());
      assertEquals(PolicyYaml.write(first), PolicyYaml.write(second), file.toString());
    }
    Random random = new Random(SEED);
    Policy master = TrustLibraryExampleTest.masters().get(0);
    for (int run = 0; run < RUNS; run++) {
      long seed = random.nextLong();
      Policy one = variablesOnly(master, new Random(seed)).applyTo(master);
      Policy two = variablesOnly(master, new Random(seed)).applyTo(master);
      assertEquals(PolicyDigest.of(one), PolicyDigest.of(two), "seed " + seed);
    }
  }
}
