package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The public keys and passkeys trusted to sign for each office, kept beside the policy
 * ({@code <policy>.keyring.yaml}) so that changing a key never changes the policy's digest.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableKeyring.class)
@JsonDeserialize(as = ImmutableKeyring.class)
@JsonPropertyOrder({"keys", "passkeys"})
public interface Keyring {
  /** A new builder of {@link Keyring}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Keyring}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableKeyring.Builder {
    Builder() {}
  }

  /** A key trusted for an office. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTrustedKey.class)
  @JsonDeserialize(as = ImmutableTrustedKey.class)
  @JsonPropertyOrder({"office", "name", "publicKey"})
  interface TrustedKey {
    /** A new builder of {@link TrustedKey}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link TrustedKey}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableTrustedKey.Builder {
      Builder() {}
    }

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

  /**
   * A passkey (a WebAuthn credential) trusted for an office: its public key, and the relying
   * party (the Precept server) it was registered with, whose origin its assertions must carry.
   */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTrustedPasskey.class)
  @JsonDeserialize(as = ImmutableTrustedPasskey.class)
  @JsonPropertyOrder({"office", "name", "credentialId", "publicKey", "rpId", "origin"})
  interface TrustedPasskey {
    /** A new builder of {@link TrustedPasskey}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link TrustedPasskey}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableTrustedPasskey.Builder {
      Builder() {}
    }

    /** The office it may sign for. */
    String office();

    /** The holder's name, written into the records they sign. */
    String name();

    /** The credential's id, base64url. */
    String credentialId();

    /** The credential's public key as a COSE key, base64url. */
    String publicKey();

    /** The relying-party id the credential was registered for (the server's host name). */
    String rpId();

    /** The origin the assertions must come from ({@code https://board.example.org}). */
    String origin();

    /** Its fingerprint, {@code SHA256:...} of the COSE key, as approval records cite it. */
    @Value.Lazy
    default String fingerprint() {
      return Passkeys.fingerprint(publicKey());
    }
  }

  /** The trusted keys. */
  List<TrustedKey> keys();

  /** The trusted passkeys. */
  List<TrustedPasskey> passkeys();

  /** The passkey with this credential id (base64url), if trusted for any office. */
  default Optional<TrustedPasskey> passkeyByCredentialId(String credentialId) {
    return passkeys().stream().filter(k -> k.credentialId().equals(credentialId)).findFirst();
  }

  /** The key with this fingerprint, if trusted for any office. */
  default Optional<TrustedKey> byFingerprint(String fingerprint) {
    return keys().stream().filter(k -> k.fingerprint().equals(fingerprint)).findFirst();
  }

  /** An empty keyring: nobody is trusted. */
  static Keyring empty() {
    return Keyring.builder().build();
  }
}
