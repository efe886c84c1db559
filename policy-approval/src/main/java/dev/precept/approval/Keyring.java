package dev.precept.approval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The public keys trusted to sign for each office, kept beside the policy
 * ({@code <policy>.keyring.yaml}) so that changing a key never changes the policy's digest.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableKeyring.class)
@JsonDeserialize(as = ImmutableKeyring.class)
public interface Keyring {
  /** A key trusted for an office. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTrustedKey.class)
  @JsonDeserialize(as = ImmutableTrustedKey.class)
  @JsonPropertyOrder({"office", "name", "publicKey"})
  interface TrustedKey {
    /** The office it may sign for. */
    String office();

    /** The holder's name, written into the records they sign. */
    String name();

    /** The Ed25519 public key, X.509 PEM. */
    String publicKey();

    /** The key. */
    @Value.Lazy
    default PublicKey key() {
      return SigningKeys.readPublic(publicKey());
    }

    /** Its fingerprint, {@code SHA256:...}. */
    @Value.Lazy
    default String fingerprint() {
      return SigningKeys.fingerprint(key());
    }
  }

  /** The trusted keys. */
  List<TrustedKey> keys();

  /** The key with this fingerprint, if trusted for any office. */
  default Optional<TrustedKey> byFingerprint(String fingerprint) {
    return keys().stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
  }

  /** An empty keyring: nobody is trusted. */
  static Keyring empty() {
    return ImmutableKeyring.builder().build();
  }
}
