package dev.precept.approval;

import org.apiguardian.api.API;

import dev.precept.model.PolicyException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 signing keys from the JDK, in PEM (PKCS#8 private, X.509 public), and their fingerprints. */
@API(status = API.Status.STABLE, since = "0.2")
public final class SigningKeys {
  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private SigningKeys() {}

  /** A new key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no Ed25519", e);
    }
  }

  /** The private key as PKCS#8 PEM. */
  public static String privatePem(PrivateKey key) {
    return pem(PRIVATE, key.getEncoded());
  }

  /** The public key as X.509 SubjectPublicKeyInfo PEM. */
  public static String publicPem(PublicKey key) {
    return pem(PUBLIC, key.getEncoded());
  }

  /**
   * Reads a PKCS#8 PEM Ed25519 private key.
   *
   * @throws PolicyException when the text is not one
   */
  public static PrivateKey readPrivate(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PolicyException("not an Ed25519 private key in PKCS#8 PEM (" + why(e, PRIVATE) + ")", e);
    }
  }

  /**
   * Reads an X.509 PEM Ed25519 public key.
   *
   * @throws PolicyException when the text is not one
   */
  public static PublicKey readPublic(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PolicyException("not an Ed25519 public key in PEM (" + why(e, PUBLIC) + ")", e);
    }
  }

  /** {@code SHA256:} and the hex SHA-256 of the public key's DER encoding. */
  public static String fingerprint(PublicKey key) {
    try {
      return "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fingerprint's first 12 hex digits, for documents and messages. */
  public static String shortFingerprint(String fingerprint) {
    return fingerprint.substring("SHA256:".length(), "SHA256:".length() + 12);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** Why a key could not be read, in words (the JDK's own messages name its internals). */
  private static String why(Exception e, String type) {
    if (e instanceof NoPemBlock) {
      return "no -----BEGIN " + type + "----- block";
    }
    if (e instanceof IllegalArgumentException) {
      return "the text between BEGIN and END is not base64";
    }
    return "the block does not hold an Ed25519 key";
  }

  private static final class NoPemBlock extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
  }

  private static byte[] der(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new NoPemBlock();
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
