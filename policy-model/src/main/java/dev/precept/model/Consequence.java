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
    "actors", "acting", "procedure", "referTo", "when", "excludes", "outcomes", "after", "options", "factors"})
public interface Consequence {
  /** A new builder of {@link Consequence}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Consequence}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableConsequence.Builder {
    Builder() {}
  }

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

  /** Several offices that act: any one of them, or jointly (see {@link #acting()}). */
  List<String> actors();

  /** Whether any one of {@link #actors()} acts or they act together. */
  Optional<Acting> acting();

  /** Whether the offices named act together rather than any one of them. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default boolean jointly() {
    return acting().orElse(Acting.ANY) == Acting.JOINTLY;
  }

  /** The instrument under which action is taken. */
  Optional<String> procedure();

  /**
   * For a referral: the instrument or body (an office) the matter is handed to ("dealt with under
   * the Members' Code of Conduct", "reported to the police"). A referral is not a sanction of this
   * policy.
   */
  Optional<String> referTo();

  /** Conditions on later findings or circumstances, all of which must hold. */
  List<Condition> when();

  /** Ids of consequences that cannot also follow the same breach (dismissal excludes a warning). */
  List<String> excludes();

  /** For a step of a staged consequence: the outcomes it can have ({@code complied}, {@code refused}). */
  List<String> outcomes();

  /** The earlier step and outcome this consequence follows on ("if they refuse"). */
  Optional<StepOutcome> after();

  /** The range of sanctions open to the deciding body ("from a reprimand to expulsion"); the ruling never picks one. */
  List<String> options();

  /** Facts the deciding body must weigh in choosing among {@link #options()} (severity, impact, previous incidents). */
  List<String> factors();

  /** Every acting office named, {@link #actor()} first. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default List<String> actingOffices() {
    List<String> all = new java.util.ArrayList<>();
    actor().ifPresent(all::add);
    actors().stream().filter(o -> !all.contains(o)).forEach(all::add);
    return List.copyOf(all);
  }

  /** Whether this is a referral to another instrument or body rather than a sanction. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default boolean isReferral() {
    return referTo().isPresent();
  }
}
