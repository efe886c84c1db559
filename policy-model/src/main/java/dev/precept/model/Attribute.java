package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A declared attribute of a person (for example {@code adult}), with its type. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableAttribute.class)
@JsonDeserialize(as = ImmutableAttribute.class)
@JsonPropertyOrder({"id", "type", "values", "description"})
public interface Attribute {
  /** A new builder of {@link Attribute}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Attribute}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableAttribute.Builder {
    Builder() {}
  }

  /** Stable id used in roles, incidents and conditions. */
  String id();

  /** The type of its values. */
  FactType type();

  /** The allowed values, for an enum. */
  List<String> values();

  /** What the attribute means. */
  String description();
}
