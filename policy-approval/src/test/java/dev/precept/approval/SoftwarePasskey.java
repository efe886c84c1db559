package dev.precept.approval;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A software passkey for tests: an ES256 (P-256) credential that answers WebAuthn
 * {@code navigator.credentials.get} the way an authenticator does, built with the JDK alone.
 */
final class SoftwarePasskey {
  final KeyPair keys;
  final byte[] credentialId;
  private int counter;

  SoftwarePasskey(String seed) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    credentialId = Arrays.copyOf(sha256(seed.getBytes(StandardCharsets.UTF_8)), 16);
  }

  /** The credential's COSE public key (EC2, ES256, P-256), base64url. */
  String coseKey() {
    ECPublicKey key = (ECPublicKey) keys.getPublic();
    ByteArrayOutputStream cose = new ByteArrayOutputStream();
    cose.writeBytes(new byte[] {(byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
    cose.writeBytes(unsigned32(key.getW().getAffineX()));
    cose.writeBytes(new byte[] {0x22, 0x58, 0x20});
    cose.writeBytes(unsigned32(key.getW().getAffineY()));
    return Passkeys.base64Url(cose.toByteArray());
  }

  /** The keyring entry the secretary's confirmation would add. */
  Keyring.TrustedPasskey trusted(String office, String name, String rpId, String origin) {
    return Keyring.TrustedPasskey.builder().office(office).name(name).credentialId(Passkeys.base64Url(credentialId))
        .publicKey(coseKey()).rpId(rpId).origin(origin).build();
  }

  /** An assertion over this challenge, as the browser would return it. */
  Assertion sign(byte[] challenge, String rpId, String origin) {
    return sign(challenge, rpId, origin, "webauthn.get", (byte) 0x05);
  }

  Assertion sign(byte[] challenge, String rpId, String origin, String type, byte flags) {
    counter++;
    byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8))).put(flags).putInt(counter).array();
    byte[] clientData = ("{\"type\":\"" + type + "\",\"challenge\":\"" + Passkeys.base64Url(challenge) + "\",\"origin\":\"" + origin
        + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    return new Assertion(credentialId, authenticatorData, clientData, signBytes(authenticatorData, clientData));
  }

  byte[] signBytes(byte[] authenticatorData, byte[] clientData) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keys.getPrivate());
      signature.update(authenticatorData);
      signature.update(sha256(clientData));
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What {@code navigator.credentials.get} returns, less the user handle. */
  record Assertion(byte[] credentialId, byte[] authenticatorData, byte[] clientDataJson, byte[] signature) {
    ApprovalRecord on(ApprovalRecord statement) {
      return Passkeys.record(statement, credentialId, authenticatorData, clientDataJson, signature);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned32(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return out;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
