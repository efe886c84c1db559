package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.precept.model.Modality;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A consequence of the policy as it bears on this incident: what must or may happen, and on what. */
@Value.Immutable
@JsonSerialize(as = ImmutableConsequenceRuling.class)
@JsonDeserialize(as = ImmutableConsequenceRuling.class)
@JsonPropertyOrder({"consequence", "status", "modality", "kind", "statement", "action", "actor", "actors",
    "procedure", "referral", "source", "breaches", "scope", "conditions", "dependsOn", "alternatives", "step",
    "options", "factors"})
@API(status = API.Status.STABLE, since = "0.2")
public interface ConsequenceRuling {
  /** A new builder of {@link ConsequenceRuling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConsequenceRuling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableConsequenceRuling.Builder {
    Builder() {}
  }

  /** Whether the consequence is a sanction of this policy or a referral to another instrument or body. */
  enum Kind {
    /** Action under this policy. */
    @JsonProperty("sanction") SANCTION,
    /** A hand-off: dealt with under another instrument, or reported to another body. */
    @JsonProperty("referral") REFERRAL
  }

  /** Whether the consequence follows now or only on a later finding. */
  enum Status {
    /** It follows from what the incident records. */
    @JsonProperty("applies") APPLIES,
    /** It follows only if facts not yet recorded turn out as listed (for example a finding of gross misconduct). */
    @JsonProperty("conditional") CONDITIONAL
  }

  /** The consequence's id. */
  String consequence();

  /** Whether it follows now or on a later finding. */
  Status status();

  /** Must or may: never merged. */
  Modality modality();

  /** The consequence as a sentence in the policy's words: "The breach must be fully investigated." */
  String statement();

  /** The action as the policy phrases it. */
  String action();

  /** Sanction or referral; a referral is not a sanction of this policy. */
  @Value.Default
  default Kind kind() {
    return Kind.SANCTION;
  }

  /** The acting office's title, when the policy names one; for several, them all ("the Headteacher and the Governing Body"). */
  Optional<String> actor();

  /** The titles of every acting office, when the policy names several. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> actors();

  /** For a referral: the title of the instrument or body the matter is handed to. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> referral();

  /** The procedure's title, when it names one. */
  Optional<String> procedure();

  /** The clause whose text states the consequence. */
  String source();

  /** The breached (or undetermined) clauses it answers to. */
  List<String> breaches();

  /** The role path that put the person within the consequence. */
  List<String> scope();

  /** Each of its conditions with the fact that satisfied it or that is still unknown. */
  List<ConditionCheck> conditions();

  /** What it waits on, in words ("investigation-finding is gross-misconduct"), when conditional. */
  List<String> dependsOn();

  /** Other consequences in this ruling that exclude this one (or it excludes): at most one of them can follow. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> alternatives();

  /** For a step of a staged consequence: how far it got and what follows on each outcome. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<StepRuling> step();

  /** The range of sanctions open to the deciding body; the ruling never picks one. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> options();

  /** The factors the deciding body must weigh, with the incident's value of each. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<FactorValue> factors();

  /** A factor to weigh and the value the incident records for it. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableFactorValue.class)
  @JsonDeserialize(as = ImmutableFactorValue.class)
  @JsonPropertyOrder({"fact", "description", "value"})
  interface FactorValue {
    /** A new builder of {@link FactorValue}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link FactorValue}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableFactorValue.Builder {
      Builder() {}
    }

    /** The fact's id. */
    String fact();

    /** What the fact means. */
    String description();

    /** The incident's value, when it records one. */
    Optional<String> value();
  }
}
