package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Something the checker found in a policy, with an incident that shows it where one can. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableFinding.class)
@JsonDeserialize(as = ImmutableFinding.class)
@JsonPropertyOrder({"severity", "kind", "subjects", "message", "example"})
public interface Finding {
  /** A new builder of {@link Finding}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Finding}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }

  /** How serious a finding is: errors fail {@code precept check}. */
  enum Severity {
    /** The policy gives wrong or no answers for some incident. */
    @JsonProperty("error") ERROR,
    /** Worth a look before the Board sees it. */
    @JsonProperty("warning") WARNING,
    /** For information: the policy says this on purpose (a declared silence). */
    @JsonProperty("info") INFO
  }

  /** What was found. */
  enum Kind {
    /** A role is within a rule but the policy gives it no consequence for breaching it. */
    @JsonProperty("gap") GAP,
    /** Two "must" consequences for the same person and breach, one excluding the other. */
    @JsonProperty("conflict") CONFLICT,
    /** An exception whose conditions can never hold together with its clause's. */
    @JsonProperty("dead-exception") DEAD_EXCEPTION,
    /** A rule no role is within, or whose conditions contradict each other. */
    @JsonProperty("unreachable-rule") UNREACHABLE_RULE,
    /** A consequence no breach by anyone can reach. */
    @JsonProperty("unreachable-consequence") UNREACHABLE_CONSEQUENCE,
    /** A prohibition or obligation without a breach category, so it can never be breached. */
    @JsonProperty("unbreachable-rule") UNBREACHABLE_RULE,
    /** A declared fact, attribute or group nothing uses. */
    @JsonProperty("unused") UNUSED,
    /** A role within a rule that the policy deliberately gives no consequence, with the reason. */
    @JsonProperty("declared-silence") DECLARED_SILENCE
  }

  /** Error or warning. */
  Severity severity();

  /** What kind of finding. */
  Kind kind();

  /** The ids the finding concerns. */
  List<String> subjects();

  /** The finding in a sentence. */
  String message();

  /** An incident that shows it, when there is one. */
  Optional<Incident> example();
}
