package dev.precept.server;

import org.apiguardian.api.API;

import java.util.Set;
import org.immutables.value.Value;

/** A key just created: the only time its secret is seen (the database keeps a hash). */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface NewApiKey {
  /** A new builder of {@link NewApiKey}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewApiKey}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableNewApiKey.Builder {
    Builder() {}
  }

  /** The key's id, shown in listings and the decision log. */
  String id();

  /** The key itself, for the {@code Authorization: Bearer} header. */
  String key();

  /** What it may do. */
  Set<Scope> scopes();
}
