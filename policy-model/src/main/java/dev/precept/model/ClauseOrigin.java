package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Marks a clause of an academy's policy as the academy's own: its text replaced, or the clause
 * added, by the academy's overlay. A clause without an origin is the master's.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableClauseOrigin.class)
@JsonDeserialize(as = ImmutableClauseOrigin.class)
@JsonPropertyOrder({"tailoring", "academy", "reason"})
public interface ClauseOrigin {
  /** A new builder of {@link ClauseOrigin}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClauseOrigin}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableClauseOrigin.Builder {
    Builder() {}
  }

  /** How the academy tailored it: {@link TailoringKind#REPLACE} or {@link TailoringKind#ADD_AFTER}. */
  TailoringKind tailoring();

  /** The academy whose clause it is. */
  String academy();

  /** Why, as the overlay says. */
  Optional<String> reason();

  /** "local to Penrose Academy (text replaced)", for explanations and margin notes. */
  default String describe() {
    return "local to " + academy() + (tailoring() == TailoringKind.REPLACE ? " (text replaced)" : " (added)");
  }
}
