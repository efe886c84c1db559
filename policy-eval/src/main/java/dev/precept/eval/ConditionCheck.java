package dev.precept.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One condition of a clause, exception or consequence, with the fact that satisfied or defeated it. */
@Value.Immutable
@JsonSerialize(as = ImmutableConditionCheck.class)
@JsonDeserialize(as = ImmutableConditionCheck.class)
@JsonPropertyOrder({"subject", "expected", "actual", "result"})
public interface ConditionCheck {
  /** Whether the condition held. */
  enum Result {
    /** The fact has one of the expected values. */
    @JsonProperty("satisfied") SATISFIED,
    /** The fact has another value. */
    @JsonProperty("defeated") DEFEATED,
    /** The incident does not give the fact. */
    @JsonProperty("unknown") UNKNOWN
  }

  /** The fact or attribute tested, e.g. {@code fact:during-working-hours}. */
  String subject();

  /** The values that satisfy it. */
  List<String> expected();

  /** The value the incident gives, if any. */
  Optional<String> actual();

  /** Whether it held. */
  Result result();
}
