package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The WebAuthn evidence of a passkey approval, as the browser returned it: which credential
 * signed, the authenticator data and the client data JSON it signed (base64url, unpadded). The
 * signature itself is the record's {@link ApprovalRecord#signature()}.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutablePasskeyAssertion.class)
@JsonDeserialize(as = ImmutablePasskeyAssertion.class)
@JsonPropertyOrder({"credentialId", "authenticatorData", "clientDataJSON"})
public interface PasskeyAssertion {
  /** A new builder of {@link PasskeyAssertion}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PasskeyAssertion}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePasskeyAssertion.Builder {
    Builder() {}
  }

  /** The credential's id, base64url. */
  String credentialId();

  /** The authenticator data (relying-party id hash, flags, counter), base64url. */
  String authenticatorData();

  /** The client data JSON (type, challenge, origin), base64url. */
  @JsonProperty("clientDataJSON")
  String clientDataJson();
}
