package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import org.immutables.value.Value;

/** One entry in a policy's revision history. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableRevision.class)
@JsonDeserialize(as = ImmutableRevision.class)
@JsonPropertyOrder({"version", "date", "summary"})
public interface Revision {
  /** A new builder of {@link Revision}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Revision}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRevision.Builder {
    Builder() {}
  }

  /** The edition this entry records. */
  String version();

  /** When the edition was made. */
  LocalDate date();

  /** What changed, in a sentence for the Board. */
  String summary();
}
