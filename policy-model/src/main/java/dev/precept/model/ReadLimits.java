package dev.precept.model;

import org.apiguardian.api.API;
import org.immutables.value.Value;

/**
 * Bounds on what the YAML reader accepts, so hostile input (huge files, deep nesting, long
 * scalars) is refused with a clear error in bounded time and memory.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
public interface ReadLimits {
  /** A new builder of {@link ReadLimits}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReadLimits}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableReadLimits.Builder {
    Builder() {}
  }

  /** Limits suited to hand-written policy files. */
  ReadLimits STANDARD = ReadLimits.builder().build();

  /** The largest file accepted, in bytes. */
  @Value.Default
  default int maxBytes() {
    return 8 * 1024 * 1024;
  }

  /** The deepest nesting of mappings and lists accepted. */
  @Value.Default
  default int maxDepth() {
    return 64;
  }

  /** The longest single scalar accepted, in characters. */
  @Value.Default
  default int maxScalarLength() {
    return 1024 * 1024;
  }
}
