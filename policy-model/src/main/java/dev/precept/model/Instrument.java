package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Another instrument the policy refers to: a policy, procedure, law or guidance. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableInstrument.class)
@JsonDeserialize(as = ImmutableInstrument.class)
@JsonPropertyOrder({"id", "title", "description", "url"})
public interface Instrument {
  /** A new builder of {@link Instrument}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Instrument}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableInstrument.Builder {
    Builder() {}
  }

  /** Stable id ({@code disciplinary-procedure}). */
  String id();

  /** Its title as the text names it ("Disciplinary Procedure"). */
  String title();

  /** What it is and where it is kept. */
  Optional<String> description();

  /** Where to read it, when published. */
  Optional<String> url();
}
