package dev.precept.eval;

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
@JsonPropertyOrder({"consequence", "status", "modality", "statement", "action", "actor", "procedure",
    "source", "breaches", "scope", "conditions", "dependsOn"})
public interface ConsequenceRuling {
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

  /** The acting office's title, when the policy names one. */
  Optional<String> actor();

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
}
