package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One citable provision of the policy: its text, who it applies to, when, and what excuses a breach.
 *
 * <p>A clause with {@link #items()} is the lead-in to a list ("The following are not considered
 * acceptable:"); its items are clauses in their own right.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableClause.class)
@JsonDeserialize(as = ImmutableClause.class)
@JsonPropertyOrder({"id", "kind", "text", "runOn", "appliesTo", "category", "when", "exceptions",
    "references", "offices", "deems", "duty", "items", "origin"})
public interface Clause {
  /** A new builder of {@link Clause}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Clause}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableClause.Builder {
    Builder() {}
  }

  /** Stable id that rulings, diffs and signatures cite ({@code conduct.logo}). */
  String id();

  /** What the clause does. */
  ClauseKind kind();

  /** The clause's wording; {@code *emphasis*} and {@code **strong**} are the only markup. */
  String text();

  /** Whether the text continues the previous clause's paragraph rather than starting a new one. */
  @Value.Default
  default boolean runOn() {
    return false;
  }

  /** Roles or groups the clause applies to; empty means everyone the policy concerns. */
  List<String> appliesTo();

  /** The breach category a breach of this clause falls under; only such clauses can be breached. */
  Optional<String> category();

  /** Conditions on the circumstances or the person, all of which must hold for the clause to apply. */
  List<Condition> when();

  /** Exceptions that excuse what would otherwise be a breach. */
  List<ClauseException> exceptions();

  /** Ids of instruments the clause refers to. */
  List<String> references();

  /** Ids of offices the clause names (to report to, to ask permission from). */
  List<String> offices();

  /** Facts this clause deems to hold ("is deemed to be made in an official capacity"). */
  List<Deeming> deems();

  /**
   * The steps of a duty with order and time limits; when given, the clause is breached only if a
   * step was left undone, done out of order or done late.
   */
  List<DutyStep> duty();

  /** The list this clause introduces, in order. */
  List<Clause> items();

  /** In an academy's policy, that the clause is the academy's own; empty for the master's clauses. */
  Optional<ClauseOrigin> origin();
}
