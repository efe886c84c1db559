package dev.precept.eval.internal;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.Ruling;
import dev.precept.eval.StepRuling;
import java.util.List;

/**
 * How the engine makes rulings from parts it already holds, without a builder's copies: a ruling
 * begun from a template that carries what does not depend on the incident. Implemented beside
 * the generated value classes (which are package-private there) and handed to the engine by the
 * evaluator.
 */
public interface Assembly {
  /** The template with another reason. */
  ClauseRuling withReason(ClauseRuling template, String reason);

  /** The consequence ruling with how far its step got. */
  ConsequenceRuling withStep(ConsequenceRuling ruling, StepRuling step);

  /** The consequence ruling with the alternatives to it. */
  ConsequenceRuling withAlternatives(ConsequenceRuling ruling, List<String> alternatives);

  /**
   * The template (policy, version, digest and, for one role, the person) with the incident's
   * parts; a list that is the template's own, or empty where the template's is, is not copied.
   */
  Ruling ruling(Ruling template, String incident, List<Ruling.Membership> person, List<ClauseRuling> clauses,
      List<ConsequenceRuling> consequences, List<String> unspecified, List<Ruling.DeemedFact> deemed,
      List<Ruling.DeclaredSilence> silences, List<String> noSanctionStated, List<String> diagnostics);
}
