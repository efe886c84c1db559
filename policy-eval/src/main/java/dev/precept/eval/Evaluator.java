package dev.precept.eval;

import dev.precept.eval.internal.CompiledPolicy;
import dev.precept.eval.internal.RulingEngine;
import dev.precept.model.Consequence;
import dev.precept.model.Policy;
import java.util.List;

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
 * Problems with a hand-built incident (an unknown role or fact) are {@link Ruling#diagnostics()};
 * an exception means only that it could not rule at all.
 */
public final class Evaluator {
  private final CompiledPolicy compiled;
  private final RulingEngine engine;

  private Evaluator(Policy policy) {
    this.compiled = new CompiledPolicy(policy);
    this.engine = new RulingEngine(compiled);
  }

  /** Compiles a validated policy into indexes for ruling. */
  public static Evaluator of(Policy policy) {
    return new Evaluator(policy);
  }

  /** The ruling on an incident. */
  public Ruling rule(Incident incident) {
    return engine.rule(incident);
  }

  /**
   * What could follow if a holder of this role breached a rule in this category: the consequences
   * in the policy's order, before any finding (a "may on gross misconduct" is listed). Empty when
   * no rule in the category applies to the role, or when the policy is silent for it. For an HR
   * screen showing the stakes before an investigation, or a coverage report; a decision about an
   * incident is {@link #rule(Incident)}.
   */
  public List<Consequence> possibleConsequences(String roleId, String categoryId) {
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
