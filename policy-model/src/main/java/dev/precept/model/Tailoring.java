package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One change an academy makes to a master's clause: {@code replace} its text, {@code addAfter} it
 * a clause of the academy's own, or {@code remove} it. Exactly one of the three is set; the loader
 * checks it.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableTailoring.class)
@JsonDeserialize(as = ImmutableTailoring.class)
@JsonPropertyOrder({"replace", "addAfter", "remove", "text", "clause", "reason"})
public interface Tailoring {
  /** A new builder of {@link Tailoring}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Tailoring}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableTailoring.Builder {
    Builder() {}
  }

  /** The id of the clause whose text is replaced. */
  Optional<String> replace();

  /** The id of the clause the academy's own clause follows. */
  Optional<String> addAfter();

  /** The id of the clause left out. */
  Optional<String> remove();

  /** The replacement text (with {@code replace}). */
  Optional<String> text();

  /** The academy's own clause (with {@code addAfter}). */
  Optional<Clause> clause();

  /** Why the academy tailors it, in its own words. */
  Optional<String> reason();

  /** Which of the three tailorings this is. */
  @JsonIgnore
  @Value.Derived
  default TailoringKind kind() {
    return replace().isPresent() ? TailoringKind.REPLACE
        : addAfter().isPresent() ? TailoringKind.ADD_AFTER : TailoringKind.REMOVE;
  }

  /** The id of the master clause it concerns. */
  @JsonIgnore
  @Value.Derived
  default String target() {
    return replace().or(this::addAfter).or(this::remove).orElse("");
  }
}
