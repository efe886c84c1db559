package dev.precept.eval;

import dev.precept.eval.internal.Assembly;
import java.util.List;

/**
 * The engine's {@link Assembly}: the generated classes' {@code with} copies, which share what is
 * unchanged. {@code copyOf} returns a generated instance as it is, and makes one of anything else.
 */
final class ValueAssembly implements Assembly {
  static final ValueAssembly INSTANCE = new ValueAssembly();

  private ValueAssembly() {}

  @Override
  public ClauseRuling withReason(ClauseRuling template, String reason) {
    return ((ImmutableClauseRuling) ImmutableClauseRuling.copyOf(template)).withReason(reason);
  }

  @Override
  public ConsequenceRuling withStep(ConsequenceRuling ruling, StepRuling step) {
    return ((ImmutableConsequenceRuling) ImmutableConsequenceRuling.copyOf(ruling)).withStep(step);
  }

  @Override
  public ConsequenceRuling withAlternatives(ConsequenceRuling ruling, List<String> alternatives) {
    return ((ImmutableConsequenceRuling) ImmutableConsequenceRuling.copyOf(ruling)).withAlternatives(alternatives);
  }

  @Override
  public Ruling ruling(Ruling template, String incident, List<Ruling.Membership> person, List<ClauseRuling> clauses,
      List<ConsequenceRuling> consequences, List<String> unspecified, List<Ruling.DeemedFact> deemed,
      List<Ruling.DeclaredSilence> silences, List<String> noSanctionStated, List<String> diagnostics) {
    ImmutableRuling ruling = ((ImmutableRuling) ImmutableRuling.copyOf(template)).withIncident(incident);
    if (person != template.person()) {
      ruling = ruling.withPerson(person);
    }
    ruling = clauses.isEmpty() ? ruling : ruling.withClauses(clauses);
    ruling = consequences.isEmpty() ? ruling : ruling.withConsequences(consequences);
    ruling = unspecified.isEmpty() ? ruling : ruling.withUnspecified(unspecified);
    ruling = deemed.isEmpty() ? ruling : ruling.withDeemed(deemed);
    ruling = silences.isEmpty() ? ruling : ruling.withSilences(silences);
    ruling = noSanctionStated.isEmpty() ? ruling : ruling.withNoSanctionStated(noSanctionStated);
    return diagnostics.isEmpty() ? ruling : ruling.withDiagnostics(diagnostics);
  }
}
