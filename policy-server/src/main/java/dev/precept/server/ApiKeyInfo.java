package dev.precept.server;

import org.apiguardian.api.API;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** An API key as listed: never its secret. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ApiKeyInfo {
  /** A new builder of {@link ApiKeyInfo}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ApiKeyInfo}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableApiKeyInfo.Builder {
    Builder() {}
  }

  /** Its id. */
  String id();

  /** The name given when it was created (who or what holds it). */
  String name();

  /** What it may do. */
  Set<Scope> scopes();

  /** When it was created. */
  Instant created();

  /** When it was revoked, if it was. */
  Optional<Instant> revoked();
}
