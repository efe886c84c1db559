package dev.precept.library;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A policy in the library: every edition of it found in the folder, oldest in force first. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface LibraryPolicy {
  /** A new builder of {@link LibraryPolicy}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LibraryPolicy}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableLibraryPolicy.Builder {
    Builder() {}
  }

  /** The policy id the editions share. */
  String id();

  /** The title of its latest edition. */
  String title();

  /** Its editions, ordered by the date they take effect, then by version. */
  List<Edition> editions();

  /** The latest approved edition that nothing supersedes: the one due for review; empty when none is approved. */
  @Value.Derived
  default Optional<Edition> current() {
    return editions().stream().filter(e -> e.approval().approved() && !e.superseded()).reduce((a, b) -> b);
  }

  /** The edition with this digest. */
  default Optional<Edition> edition(String digest) {
    return editions().stream().filter(e -> e.digest().equals(digest)).findFirst();
  }
}
