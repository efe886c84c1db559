package dev.precept.eval;

import org.apiguardian.api.API;
import dev.precept.eval.internal.CompiledPolicy;
import dev.precept.eval.internal.RulingEngine;
import dev.precept.model.Consequence;
import dev.precept.model.Diagnostic;
import dev.precept.model.Policy;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.internal.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rules on incidents under one policy: which clauses were breached or excused, what must and what
 * may happen next, and why.
 *
 * <pre>{@code
 * Evaluator evaluator = Evaluator.of(policy);          // compile once
 * Ruling ruling = evaluator.rule(incident);            // then rule, from any thread
 * }</pre>
 *
 * <p>A ruling is a pure function of (policy, incident): no I/O, no clock, no shared mutable state.
 * An incident is checked against the policy exactly as a file is, whether it was read by
 * {@link IncidentLoader} or built with {@link Incident#builder()}: an unknown role, clause, breach
 * category, fact or office, or a value of the wrong type ({@code "yes"} for a boolean fact), is a
 * {@link PolicyValidationException} listing every {@link Diagnostic} with a "did you mean", never a
 * quiet "not applicable".
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Evaluator {
  private final CompiledPolicy compiled;
  private final RulingEngine engine;
  private final IncidentCheck check;
  private final Vocabulary vocabulary;

  private Evaluator(Policy policy) {
    this.compiled = new CompiledPolicy(policy);
    this.engine = new RulingEngine(compiled, ValueAssembly.INSTANCE);
    this.check = new IncidentCheck(policy);
    this.vocabulary = Vocabulary.of(policy);
  }

  /**
   * Compiles a validated policy into indexes for ruling.
   *
   * @throws NullPointerException when the policy is null, with a message saying how to get one
   */
  public static Evaluator of(Policy policy) {
    Objects.requireNonNull(policy, "Evaluator.of needs a policy (PolicyLoader.standard().load(file)), not null");
    return new Evaluator(policy);
  }

  /**
   * The ruling on an incident.
   *
   * @throws PolicyValidationException when the incident names a role, clause, category, fact or
   *     office the policy does not declare, or gives a fact a value of the wrong type; every
   *     problem is listed, each with a hint
   * @throws NullPointerException when the incident is null
   */
  public Ruling rule(Incident incident) {
    Objects.requireNonNull(incident, "Evaluator.rule needs an incident (Incident.builder()...build()), not null");
    List<Diagnostic> problems = check.check(incident);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    return engine.rule(incident);
  }

  /**
   * The ruling on an incident written for another edition of this policy, for comparing editions
   * ("which rulings change"): names this edition does not know (a clause added since) are not an
   * error but listed in {@link Ruling#diagnostics()}, and what they concern is ruled not
   * applicable. For anything else use {@link #rule(Incident)}, which refuses such an incident.
   *
   * @throws NullPointerException when the incident is null
   */
  public Ruling ruleAcrossEditions(Incident incident) {
    Objects.requireNonNull(incident, "Evaluator.ruleAcrossEditions needs an incident, not null");
    return engine.rule(incident);
  }

  /**
   * What could follow if a holder of this role breached a rule in this category: the consequences
   * in the policy's order, before any finding (a "may on gross misconduct" is listed). Empty when
   * no rule in the category applies to the role, or when the policy is silent for it. For an HR
   * screen showing the stakes before an investigation, or a coverage report; a decision about an
   * incident is {@link #rule(Incident)}.
   *
   * @throws PolicyValidationException when the policy declares no such role or breach category
   *     (with a "did you mean"): an unknown name is a mistake, not an empty answer
   */
  public List<Consequence> possibleConsequences(String roleId, String categoryId) {
    Objects.requireNonNull(roleId, "possibleConsequences needs a role id, not null");
    Objects.requireNonNull(categoryId, "possibleConsequences needs a breach category id, not null");
    List<Diagnostic> problems = new ArrayList<>();
    String source = "possibleConsequences('" + roleId + "', '" + categoryId + "')";
    vocabulary.unknown(Vocabulary.Kind.ROLE, roleId).ifPresent(f -> problems.add(f.in(source, "/role")));
    vocabulary.unknown(Vocabulary.Kind.CATEGORY, categoryId).ifPresent(f -> problems.add(f.in(source, "/category")));
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    return compiled.possibleConsequences(roleId, categoryId);
  }

  /** The policy this evaluator rules under. */
  public Policy policy() {
    return compiled.policy();
  }

  /** The digest of the policy, {@code sha256:...}, that every ruling cites. */
  public String digest() {
    return compiled.digest();
  }
}
