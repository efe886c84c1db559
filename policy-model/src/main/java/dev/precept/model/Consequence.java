package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What follows a breach for the people it applies to: a required ({@link Modality#MUST}) or
 * permitted ({@link Modality#MAY}) action, by whom, under which procedure, on which finding.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableConsequence.class)
@JsonDeserialize(as = ImmutableConsequence.class)
@JsonPropertyOrder({"id", "clause", "appliesTo", "categories", "modality", "action", "actor",
    "procedure", "when", "excludes"})
public interface Consequence {
  /** Stable id ({@code employee.investigation}). */
  String id();

  /** The clause whose text states this consequence. */
  String clause();

  /** Roles or groups it applies to; never empty (a consequence is for someone). */
  List<String> appliesTo();

  /** Breach categories it answers to; empty means any breach of the policy. */
  List<String> categories();

  /** Whether it must or may follow. */
  Modality modality();

  /** What happens, phrased to follow "must" or "may" ("be fully investigated"). */
  String action();

  /** The office that acts, when the policy names one. */
  Optional<String> actor();

  /** The instrument under which action is taken. */
  Optional<String> procedure();

  /** Conditions on later findings or circumstances, all of which must hold. */
  List<Condition> when();

  /** Ids of consequences that cannot also follow the same breach (dismissal excludes a warning). */
  List<String> excludes();
}
