package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * Where an academy's policy came from: the master edition (by id, version and digest) and the
 * academy's overlay (by the digest of its tailoring), so the academy's document is bound to both.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableDerivation.class)
@JsonDeserialize(as = ImmutableDerivation.class)
@JsonPropertyOrder({"policy", "edition", "digest", "academy", "tailoringDigest"})
public interface Derivation {
  /** A new builder of {@link Derivation}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Derivation}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableDerivation.Builder {
    Builder() {}
  }

  /** The master policy's id. */
  String policy();

  /** The master edition's version. */
  String edition();

  /** The master edition's digest, {@code sha256:...}. */
  String digest();

  /** The academy's name, as its overlay gives it. */
  String academy();

  /** The digest of the academy's tailoring (what its local governing body approves), {@code sha256:...}. */
  String tailoringDigest();
}
