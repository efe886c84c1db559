package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A condition on the circumstances or the person, written as the policy reads: a test of one fact,
 * attribute or collective decision, or {@code all}, {@code any} or {@code not} over other
 * conditions, nested as deep as the text needs.
 *
 * <p>A test names its subject ({@code fact}, {@code attribute} or {@code decision}) and one test:
 * {@code is} / {@code in} (the value is one of these), {@code atLeast} / {@code atMost} /
 * {@code moreThan} / {@code lessThan} / {@code between} (numbers and dates), {@code before} /
 * {@code after} (dates, a date or {@code incident-date}), {@code within} (a date no longer than an
 * ISO period before the incident date), or {@code carried} (a decision carried by a
 * {@code majority} or {@code unanimous}ly; {@code atLeast} on a decision counts votes for).
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
@JsonPropertyOrder({"fact", "attribute", "decision", "is", "in", "atLeast", "atMost", "moreThan", "lessThan",
    "between", "before", "after", "within", "carried", "all", "any", "not"})
public interface Condition {
  /** A new builder of {@link Condition}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Condition}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableCondition.Builder {
    Builder() {}
  }

  /** The word that stands for the incident's date in {@code before} and {@code after}. */
  String INCIDENT_DATE = "incident-date";

  /** The fact tested, when the condition is on the circumstances. */
  Optional<String> fact();

  /** The person's attribute tested, when the condition is on the person. */
  Optional<String> attribute();

  /** The collective decision tested (a fact of type {@code decision}). */
  Optional<String> decision();

  /** The single value that satisfies the condition. */
  Optional<String> is();

  /** The values any of which satisfies the condition. */
  List<String> in();

  /** The least value (or, on a decision, number of votes for) that satisfies it: {@code >=}. */
  Optional<String> atLeast();

  /** The greatest value that satisfies it: {@code <=}. */
  Optional<String> atMost();

  /** Values above this satisfy it: {@code >}. */
  Optional<String> moreThan();

  /** Values below this satisfy it: {@code <}. */
  Optional<String> lessThan();

  /** Two bounds, both included, between which the value must lie. */
  List<String> between();

  /** A date (or {@code incident-date}) the value must be before. */
  Optional<String> before();

  /** A date (or {@code incident-date}) the value must be after. */
  Optional<String> after();

  /** An ISO-8601 period ({@code P12M}): the date must be on or before the incident date and no earlier than this before it. */
  Optional<String> within();

  /** How a decision must have been carried: {@code majority} (more than half the members) or {@code unanimous}. */
  Optional<String> carried();

  /** Conditions all of which must hold. */
  List<Condition> all();

  /** Conditions at least one of which must hold. */
  List<Condition> any();

  /** A condition that must not hold. */
  Optional<Condition> not();

  /** Whether this is {@code all}, {@code any} or {@code not} over other conditions. */
  @JsonIgnore
  default boolean isComposite() {
    return !all().isEmpty() || !any().isEmpty() || not().isPresent();
  }

  /** The fact, attribute or decision id tested; for a composite, {@code all}, {@code any} or {@code not}. */
  @JsonIgnore
  default String subject() {
    if (isComposite()) {
      return !all().isEmpty() ? "all" : !any().isEmpty() ? "any" : "not";
    }
    return fact().or(this::attribute).or(this::decision).orElseThrow();
  }

  /** Every value that satisfies an {@code is} / {@code in} test; empty for other tests. */
  @JsonIgnore
  @Value.Lazy
  default List<String> values() {
    List<String> all = new ArrayList<>();
    is().ifPresent(all::add);
    all.addAll(in());
    return List.copyOf(all);
  }

  /** Whether the test is {@code is} or {@code in}. */
  @JsonIgnore
  default boolean isMembership() {
    return is().isPresent() || !in().isEmpty();
  }

  /** This condition and every condition nested in it, depth first. */
  @JsonIgnore
  default List<Condition> flatten() {
    List<Condition> out = new ArrayList<>();
    out.add(this);
    all().forEach(c -> out.addAll(c.flatten()));
    any().forEach(c -> out.addAll(c.flatten()));
    not().ifPresent(c -> out.addAll(c.flatten()));
    return out;
  }

  /** A condition that a fact has a value. */
  static Condition factIs(String fact, String value) {
    return Condition.builder().fact(fact).is(value).build();
  }

  /** A condition that a fact has one of several values. */
  static Condition factIn(String fact, List<String> values) {
    return Condition.builder().fact(fact).in(values).build();
  }

  /** All of these conditions. */
  static Condition allOf(List<Condition> conditions) {
    return Condition.builder().all(conditions).build();
  }

  /** Any of these conditions. */
  static Condition anyOf(List<Condition> conditions) {
    return Condition.builder().any(conditions).build();
  }

  /** The negation of a condition. */
  static Condition negation(Condition condition) {
    return Condition.builder().not(condition).build();
  }
}
