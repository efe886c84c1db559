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
 * A test of one fact or person attribute: it holds when the value is one of {@link #values()}.
 *
 * <p>In YAML, {@code is: v} tests one value and {@code in: [a, b]} any of several.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableCondition.class)
@JsonDeserialize(as = ImmutableCondition.class)
@JsonPropertyOrder({"fact", "attribute", "is", "in"})
public interface Condition {
  /** The fact tested, when the condition is on the circumstances. */
  Optional<String> fact();

  /** The person's attribute tested, when the condition is on the person. */
  Optional<String> attribute();

  /** The single value that satisfies the condition. */
  Optional<String> is();

  /** The values any of which satisfies the condition. */
  List<String> in();

  /** The fact or attribute id tested. */
  @JsonIgnore
  default String subject() {
    return fact().or(this::attribute).orElseThrow();
  }

  /** Every value that satisfies the condition. */
  @JsonIgnore
  @Value.Lazy
  default List<String> values() {
    List<String> all = new ArrayList<>();
    is().ifPresent(all::add);
    all.addAll(in());
    return List.copyOf(all);
  }

  /** A condition that a fact has a value. */
  static Condition factIs(String fact, String value) {
    return ImmutableCondition.builder().fact(fact).is(value).build();
  }

  /** A condition that a fact has one of several values. */
  static Condition factIn(String fact, List<String> values) {
    return ImmutableCondition.builder().fact(fact).in(values).build();
  }
}
