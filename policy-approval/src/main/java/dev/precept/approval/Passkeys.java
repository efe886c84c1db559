package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.precept.model.CanonicalJson;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyYaml;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Passkey approvals: the WebAuthn challenge a signatory's passkey signs is derived from the
 * approval record's own statement, so the record proves offline exactly what was approved, by
 * whom, on which edition; and its verification against a trusted passkey.
 *
 * <p>The challenge is the SHA-256 of the RFC 8785 canonical JSON of the record's statement
 * fields: policy, office, name, decision, date, minute and comment (when given) and digest. An
 * assertion made for one statement does not verify for any other: another edition, office,
 * decision, date or signatory.
 *
 * <pre>{@code
 * ApprovalRecord statement = ApprovalRecord.builder().policy(policy.id()).office("chair")
 *     .name(passkey.name()).decision(Decision.APPROVED).date(today).digest(digest)
 *     .key(passkey.fingerprint()).signature("").build();
 * byte[] challenge = Passkeys.challenge(statement); // given to navigator.credentials.get
 * ApprovalRecord signed = Passkeys.record(statement, credentialId, authenticatorData, clientDataJson, signature);
 * List<String> problems = Passkeys.problems(signed, passkey); // empty: it verifies
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class Passkeys {
  private static final ObjectConverter CONVERTER = new ObjectConverter();
  private static final WebAuthnManager WEBAUTHN = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
  private static final List<String> STATEMENT = List.of("policy", "office", "name", "decision", "date", "minute", "comment", "digest");

  private Passkeys() {}

  /** The challenge a passkey signs to make this record: SHA-256 of its statement fields in canonical JSON. */
  public static byte[] challenge(ApprovalRecord record) {
    ObjectNode tree = (ObjectNode) PolicyYaml.toTree(record);
    tree.retain(STATEMENT);
    return sha256(CanonicalJson.bytes(tree));
  }

  /**
   * The record with a passkey's evidence: the statement's fields, the credential's assertion and
   * its signature.
   */
  public static ApprovalRecord record(ApprovalRecord statement, byte[] credentialId, byte[] authenticatorData, byte[] clientDataJson,
      byte[] signature) {
    return ApprovalRecord.builder().from(statement)
        .signature(Base64.getEncoder().encodeToString(signature))
        .passkey(PasskeyAssertion.builder()
            .credentialId(base64Url(credentialId))
            .authenticatorData(base64Url(authenticatorData))
            .clientDataJson(base64Url(clientDataJson))
            .build()).build();
  }

  /**
   * Why the record's passkey assertion does not prove its statement with this trusted passkey,
   * a sentence each; empty when it does. The assertion must carry the challenge derived from the
   * record's own fields, come from the passkey's origin and relying party, have been made with
   * the user present and verified, and its signature must verify with the passkey's public key.
   */
  public static List<String> problems(ApprovalRecord record, Keyring.TrustedPasskey passkey) {
    if (record.passkey().isEmpty()) {
      return List.of("it carries no passkey assertion");
    }
    PasskeyAssertion assertion = record.passkey().get();
    if (!assertion.credentialId().equals(passkey.credentialId())) {
      return List.of("its passkey assertion was made with credential " + shortCredential(assertion.credentialId())
          + ", not the trusted " + shortCredential(passkey.credentialId()));
    }
    if (!record.key().equals(passkey.fingerprint())) {
      return List.of("its key " + record.key() + " is not the fingerprint of passkey " + shortCredential(passkey.credentialId()));
    }
    try {
      byte[] credentialId = decode(assertion.credentialId());
      AuthenticationRequest request = new AuthenticationRequest(credentialId, decode(assertion.authenticatorData()),
          decode(assertion.clientDataJson()), Base64.getDecoder().decode(record.signature()));
      ServerProperty server = ServerProperty.builder().origin(Origin.create(passkey.origin())).rpId(passkey.rpId())
          .challenge(new DefaultChallenge(challenge(record))).build();
      AttestedCredentialData credential = new AttestedCredentialData(AAGUID.ZERO, credentialId, coseKey(passkey.publicKey()));
      CredentialRecord trusted = new CredentialRecordImpl(null, null, null, null, 0L, credential, null, null, null, null);
      WEBAUTHN.verify(request, new AuthenticationParameters(server, trusted, List.of(credentialId), true, true));
      return List.of();
    } catch (BadChallengeException e) {
      return List.of("its passkey assertion was made for another statement (its challenge is not the one derived from this record's "
          + "policy, office, name, decision, date and digest): a replayed or re-targeted assertion");
    } catch (BadOriginException e) {
      return List.of("its passkey assertion comes from another origin than " + passkey.origin() + ", where the passkey was enrolled");
    } catch (BadRpIdException e) {
      return List.of("its passkey assertion was made for another relying party than " + passkey.rpId());
    } catch (BadSignatureException e) {
      return List.of("its passkey signature does not verify: the authenticator data or client data was changed after signing, "
          + "or the signature is corrupt");
    } catch (UserNotPresentException | UserNotVerifiedException e) {
      return List.of("its passkey assertion was made without the signatory present and verified by the authenticator");
    } catch (InconsistentClientDataTypeException e) {
      return List.of("its client data is not of a passkey sign-in (webauthn.get)");
    } catch (VerificationException e) {
      return List.of("its passkey assertion does not verify: " + e.getMessage());
    } catch (DataConversionException | IllegalArgumentException | PolicyException e) {
      return List.of("its passkey evidence cannot be read (" + e.getMessage() + ")");
    } catch (tools.jackson.core.JacksonException e) {
      // Client data that is not JSON: webauthn4j lets its JSON reader's exception through.
      return List.of("its passkey evidence cannot be read (its client data is not the JSON a browser sends)");
    }
  }

  /**
   * Reads a COSE public key given base64url.
   *
   * @throws PolicyException when it is not one
   */
  static COSEKey coseKey(String base64Url) {
    try {
      COSEKey key = CONVERTER.getCborMapper().readValue(decode(base64Url), COSEKey.class);
      if (key == null || !key.hasPublicKey()) {
        throw new PolicyException("not a COSE public key");
      }
      key.validate();
      return key;
    } catch (tools.jackson.core.JacksonException | DataConversionException | IllegalArgumentException
        | com.webauthn4j.verifier.exception.ConstraintViolationException e) {
      throw new PolicyException("not a COSE public key in base64url (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
    }
  }

  /**
   * {@code SHA256:} and the hex SHA-256 of a passkey's COSE public key.
   *
   * @throws PolicyException when the text is not base64url
   */
  public static String fingerprint(String coseKeyBase64Url) {
    try {
      return "SHA256:" + HexFormat.of().formatHex(sha256(decode(coseKeyBase64Url)));
    } catch (IllegalArgumentException e) {
      throw new PolicyException("not base64url: " + e.getMessage(), e);
    }
  }

  /** A credential id's first 12 hex digits, for documents and messages ("credential 3f9a0c1d22b7"). */
  public static String shortCredential(String credentialIdBase64Url) {
    try {
      String hex = HexFormat.of().formatHex(decode(credentialIdBase64Url));
      return hex.substring(0, Math.min(12, hex.length()));
    } catch (IllegalArgumentException e) {
      return credentialIdBase64Url.substring(0, Math.min(12, credentialIdBase64Url.length())).toLowerCase(Locale.ROOT);
    }
  }

  /** Bytes as base64url without padding, the form WebAuthn values take in files. */
  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] decode(String base64Url) {
    return Base64.getUrlDecoder().decode(base64Url);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
