package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One condition of a clause, exception or consequence, with the fact that satisfied or defeated it;
 * for {@code all}, {@code any} and {@code not}, the subject is that word and {@link #parts()} holds
 * the checks of the conditions inside.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableConditionCheck.class)
@JsonDeserialize(as = ImmutableConditionCheck.class)
@JsonPropertyOrder({"subject", "expected", "actual", "result", "deemedBy", "detail", "parts"})
public interface ConditionCheck {
  /** A new builder of {@link ConditionCheck}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConditionCheck}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableConditionCheck.Builder {
    Builder() {}
  }

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

  /** The clause that deemed the fact's value, when it was deemed rather than recorded. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> deemedBy();

  /** More about how it was decided (a decision's votes and what was needed). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Optional<String> detail();

  /** The checks of the conditions inside an {@code all}, {@code any} or {@code not}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<ConditionCheck> parts();
}
