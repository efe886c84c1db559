package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A kind of breach that clauses belong to and consequences answer to ("misuse of the Trust's name"). */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableBreachCategory.class)
@JsonDeserialize(as = ImmutableBreachCategory.class)
@JsonPropertyOrder({"id", "title", "description"})
public interface BreachCategory {
  /** A new builder of {@link BreachCategory}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BreachCategory}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableBreachCategory.Builder {
    Builder() {}
  }

  /** Stable id. */
  String id();

  /** A short name. */
  String title();

  /** What belongs in the category. */
  Optional<String> description();
}
