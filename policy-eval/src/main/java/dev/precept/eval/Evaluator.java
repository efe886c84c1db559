package dev.precept.eval;

import dev.precept.eval.internal.CompiledPolicy;
import dev.precept.eval.internal.RulingEngine;
import dev.precept.model.Policy;

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

  /** The policy this evaluator rules under. */
  public Policy policy() {
    return compiled.policy();
  }

  /** The digest of the policy, {@code sha256:...}, that every ruling cites. */
  public String digest() {
    return compiled.digest();
  }
}
