package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The outcome for one clause an incident concerns, with the reasons for it. */
@Value.Immutable
@JsonSerialize(as = ImmutableClauseRuling.class)
@JsonDeserialize(as = ImmutableClauseRuling.class)
@JsonPropertyOrder({"clause", "outcome", "category", "reason", "scope", "conditions", "exception",
    "permission", "exceptions", "duty", "undecidedBy", "leadIn", "quote", "origin"})
@API(status = API.Status.STABLE, since = "0.2")
public interface ClauseRuling {
  /** A new builder of {@link ClauseRuling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClauseRuling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableClauseRuling.Builder {
    Builder() {}
  }

  /** The clause's id. */
  String clause();

  /** What the ruling finds. */
  Outcome outcome();

  /** The clause's breach category, when it has one. */
  Optional<String> category();

  /** The finding in one sentence. */
  String reason();

  /** The role path that put the person in scope, e.g. [volunteer, working-in-trust]; empty when out of scope. */
  List<String> scope();

  /** Each condition of the clause with the fact that satisfied or defeated it. */
  List<ConditionCheck> conditions();

  /** The exception that excused the conduct, or that was considered and not met. */
  Optional<String> exception();

  /** The permission that met the exception. */
  Optional<Permission> permission();

  /** Facts that would decide an undetermined outcome. */
  List<String> undecidedBy();

  /** Every exception of the clause, met or not, and why, in the clause's order. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<ExceptionRuling> exceptions();

  /** For a duty with order and time: each step, when it was done and whether that kept the duty. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<StepCheck> duty();

  /** For a list item: the text of the clause that introduces the list, which the quote continues. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> leadIn();

  /** The clause's text, quoted. */
  String quote();

  /**
   * In an academy's policy, that the clause is the academy's own ("local to Trelissick Academy
   * (added)"); empty for the master's clauses and in any other policy.
   */
  Optional<String> origin();
}
