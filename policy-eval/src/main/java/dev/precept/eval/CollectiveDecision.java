package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** How a body voted on a question the policy makes depend on its decision: votes for, against, abstaining, of how many members. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableCollectiveDecision.class)
@JsonDeserialize(as = ImmutableCollectiveDecision.class)
@JsonPropertyOrder({"for", "against", "abstained", "members"})
public interface CollectiveDecision {
  /** A new builder of {@link CollectiveDecision}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CollectiveDecision}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableCollectiveDecision.Builder {
    Builder() {}
  }

  /** Members who voted for. */
  @JsonProperty("for")
  int votesFor();

  /** Members who voted against. */
  @JsonProperty("against")
  @Value.Default
  default int votesAgainst() {
    return 0;
  }

  /** Members present who abstained. */
  @Value.Default
  default int abstained() {
    return 0;
  }

  /** Members of the body, present or not. */
  int members();

  /** Members who took part: for, against and abstaining. */
  default int present() {
    return votesFor() + votesAgainst() + abstained();
  }

  /** The votes in words: "3 for, 1 against, 0 abstaining, of 5 members". */
  default String describe() {
    return votesFor() + " for, " + votesAgainst() + " against, " + abstained() + " abstaining, of " + members() + " members";
  }
}
