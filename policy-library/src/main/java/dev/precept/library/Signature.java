package dev.precept.library;

import org.apiguardian.api.API;

import java.time.LocalDate;
import org.immutables.value.Value;

/** One verified approval of an edition: which office, who holds it, and when they approved. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface Signature {
  /** A new builder of {@link Signature}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Signature}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableSignature.Builder {
    Builder() {}
  }

  /** The office id, e.g. {@code chair}. */
  String office();

  /** The office's title, e.g. {@code Chair of the Board}. */
  String title();

  /** The name of the holder who signed. */
  String name();

  /** The date of the approval. */
  LocalDate date();
}
