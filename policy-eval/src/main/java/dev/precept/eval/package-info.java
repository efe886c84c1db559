/**
 * Rulings: what a policy says about an incident, with its reasons.
 *
 * <p>Entry point: {@link dev.precept.eval.Evaluator}. Compile a policy once, then rule on as
 * many incidents as you like, from any number of threads:
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.of(policy);
 * Incident incident = Incident.builder()
 *     .id("2024-017")
 *     .person(Person.holding("volunteer"))
 *     .addClauses("principles.no-contact-with-children")
 *     .build();
 * Ruling ruling = evaluator.rule(incident);
 * String json = Rulings.toJson(ruling);        // byte-identical for the same inputs
 * }</pre>
 *
 * <p>{@link dev.precept.eval.IncidentLoader} reads incidents from YAML or JSON and checks them
 * against the policy; {@link dev.precept.eval.CaseSuite} runs a policy's cases (incidents with
 * their expected rulings); {@link dev.precept.eval.PolicyCheck} is static analysis of a policy.
 *
 * <p>{@link dev.precept.eval.BatchRulings} rules on incidents as JSON Lines, streaming from a
 * reader to a writer or stream on every core, in input order.
 *
 * <p>The public API, by stability ({@code @API} on each type):
 * <ul>
 *   <li>stable: {@code Evaluator}, {@code Incident} (and its {@code Builder} with typed fact
 *       setters), {@code Person}, {@code Permission}, {@code IncidentLoader}, {@code Ruling},
 *       {@code ClauseRuling}, {@code ConsequenceRuling}, {@code ExceptionRuling},
 *       {@code StepRuling}, {@code CollectiveDecision}, {@code ConditionCheck}, {@code Outcome},
 *       {@code Rulings}; {@code CaseSuite}, {@code PolicyCase}, {@code CaseReport},
 *       {@code CaseResult}; {@code PolicyCheck}, {@code CheckReport}, {@code Finding},
 *       {@code StepCheck}; {@code BatchRulings}, {@code BatchSummary}, {@code LineError};
 *   <li>experimental: {@code RulingsNotWritten} (a batch whose output closed or failed).
 * </ul>
 * An incident, built or read, is checked against the policy before any ruling: mistakes are
 * {@link dev.precept.model.PolicyValidationException}s listing {@link dev.precept.model.Diagnostic}s.
 */
@dev.precept.model.PreceptStyle
package dev.precept.eval;

