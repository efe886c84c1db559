package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A numbered section of the document; its number is its position. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableSection.class)
@JsonDeserialize(as = ImmutableSection.class)
@JsonPropertyOrder({"id", "title", "clauses"})
public interface Section {
  /** A new builder of {@link Section}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Section}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableSection.Builder {
    Builder() {}
  }

  /** Stable id ({@code code-of-conduct}). */
  String id();

  /** The heading ("Code of Conduct"). */
  String title();

  /** The section's clauses in order. */
  List<Clause> clauses();
}
