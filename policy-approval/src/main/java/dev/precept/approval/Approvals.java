package dev.precept.approval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.LocatedDocument;
import dev.precept.model.CanonicalJson;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.PolicyYaml;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Approval records and keyrings as files, and signing: a record binds a signatory's decision to
 * the policy's digest, and its Ed25519 signature covers the record's other fields in RFC 8785
 * canonical JSON.
 *
 * <pre>{@code
 * ApprovalRecord record = Approvals.sign(policy, privateKey, "chair", keyring,
 *     Decision.APPROVED, LocalDate.of(2016, 10, 12), Optional.of("Board minute 2016/41"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class Approvals {
  private static final SchemaValidator APPROVALS_SCHEMA = new SchemaValidator(resource("approvals.schema.json"));
  private static final SchemaValidator KEYRING_SCHEMA = new SchemaValidator(resource("keyring.schema.json"));

  private Approvals() {}

  /**
   * A signed record of a decision on this edition.
   *
   * @throws PolicyException when the office does not sign this policy, or the key is not trusted
   *     for the office (sign only with a key already in the keyring)
   */
  public static ApprovalRecord sign(Policy policy, PrivateKey key, String office, Keyring keyring, Decision decision,
      LocalDate date, Optional<String> minute) {
    if (policy.metadata().signatories().stream().noneMatch(s -> s.office().equals(office))) {
      throw new PolicyException("office '" + office + "' does not sign policy " + policy.id() + "; its signatories are "
          + policy.metadata().signatories().stream().map(s -> s.office()).toList());
    }
    return signDigest(policy.id(), PolicyDigest.of(policy).toString(), key, office, keyring, decision, date, minute,
        "add its public key to the keyring before signing");
  }

  /**
   * A signed record binding a decision to any digest of a policy's text: the edition's, or the
   * digest of an academy's tailoring of it. The key must be trusted for the office.
   *
   * @param whatToDo the hint when the key is not in the keyring for the office
   * @throws PolicyException when the key is not in the keyring for the office
   */
  public static ApprovalRecord signDigest(String policyId, String digest, PrivateKey key, String office, Keyring keyring,
      Decision decision, LocalDate date, Optional<String> minute, String whatToDo) {
    byte[] probe = "which trusted key is this".getBytes(StandardCharsets.UTF_8);
    byte[] probeSignature = signBytes(key, probe);
    Keyring.TrustedKey trusted = keyring.keys().stream()
        .filter(k -> k.office().equals(office) && verifies(k, probe, probeSignature))
        .findFirst()
        .orElseThrow(() -> new PolicyException("this key is not in the keyring for office '" + office + "': " + whatToDo));
    ApprovalRecord unsigned = ApprovalRecord.builder()
        .policy(policyId)
        .office(office)
        .name(trusted.name())
        .decision(decision)
        .date(date)
        .minute(minute)
        .digest(digest)
        .key(trusted.fingerprint())
        .signature("")
        .build();
    return ApprovalRecord.builder().from(unsigned).signature(Base64.getEncoder().encodeToString(signBytes(key, payload(unsigned)))).build();
  }

  /**
   * How a verified record was signed, as the document and {@code precept verify} say it after the
   * decision: ", signature verified (key 4cbb79d3d2ed)" for a key, " with a passkey, verified
   * (credential 3f9a0c1d22b7)" for a passkey.
   */
  public static String verifiedEvidence(ApprovalRecord record) {
    return record.passkey()
        .map(p -> " with a passkey, verified (credential " + Passkeys.shortCredential(p.credentialId()) + ")")
        .orElseGet(() -> ", signature verified (key " + SigningKeys.shortFingerprint(record.key()) + ")");
  }

  /** Whether the record's signature verifies with this key. */
  public static boolean signatureVerifies(ApprovalRecord record, Keyring.TrustedKey key) {
    try {
      return verifies(key, payload(record), Base64.getDecoder().decode(record.signature()));
    } catch (IllegalArgumentException e) {
      return false; // not base64: a corrupt signature
    }
  }

  /** The bytes a record's signature covers: its other fields as canonical JSON. */
  static byte[] payload(ApprovalRecord record) {
    ObjectNode tree = (ObjectNode) PolicyYaml.toTree(record);
    tree.remove("signature");
    return CanonicalJson.bytes(tree);
  }

  private static byte[] signBytes(PrivateKey key, byte[] data) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new PolicyException("could not sign with this key: " + e.getMessage(), e);
    }
  }

  private static boolean verifies(Keyring.TrustedKey key, byte[] data, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key.key());
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | PolicyException e) {
      return false; // a malformed key or signature verifies nothing: fail closed
    }
  }

  /**
   * Reads an approvals file ({@code <policy>.approvals.yaml}).
   *
   * @throws PolicyValidationException listing every problem in it
   */
  public static List<ApprovalRecord> readRecords(byte[] yaml, String source) {
    LocatedDocument document = LocatedDocument.read(yaml, source, ReadLimits.STANDARD);
    List<Diagnostic> problems = APPROVALS_SCHEMA.check(document);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    List<ApprovalRecord> records = new ArrayList<>();
    for (JsonNode node : document.root().path("records")) {
      records.add(convert(node, ApprovalRecord.class));
    }
    return records;
  }

  /**
   * Reads the minuted approvals of an approvals file (its {@code minuted} list; none when it has none).
   *
   * @throws PolicyValidationException listing every problem in the file
   */
  public static List<MinutedApproval> readMinuted(byte[] yaml, String source) {
    LocatedDocument document = LocatedDocument.read(yaml, source, ReadLimits.STANDARD);
    List<Diagnostic> problems = APPROVALS_SCHEMA.check(document);
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    List<MinutedApproval> minuted = new ArrayList<>();
    for (JsonNode node : document.root().path("minuted")) {
      minuted.add(convert(node, MinutedApproval.class));
    }
    return minuted;
  }

  /** An approvals file holding these records, in order. */
  public static String writeRecords(List<ApprovalRecord> records) {
    return writeRecords(records, List.of());
  }

  /** An approvals file holding these signed records and minuted approvals, each in order. */
  public static String writeRecords(List<ApprovalRecord> records, List<MinutedApproval> minuted) {
    StringBuilder out = new StringBuilder("# Approvals of this policy: each record is signed, and binds a decision to the\n"
        + "# digest of the edition it was made on. Written by `precept sign` and the approval round; do not edit by hand.\n");
    if (!minuted.isEmpty()) {
      out.append("# Minuted approvals were given at a meeting and recorded by the clerk with\n"
          + "# `precept record-approval`: they name the digest too, but carry no signature.\n");
    }
    try {
      java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
      file.put("records", records);
      file.put("minuted", minuted);
      out.append(dev.precept.model.PolicyYaml.toYaml(file));
    } catch (RuntimeException e) {
      throw new PolicyException("could not write the approvals", e);
    }
    return out.toString();
  }

  /**
   * Reads a keyring file ({@code <policy>.keyring.yaml}).
   *
   * @throws PolicyValidationException listing every problem in it
   */
  public static Keyring readKeyring(byte[] yaml, String source) {
    LocatedDocument document = LocatedDocument.read(yaml, source, ReadLimits.STANDARD);
    List<Diagnostic> problems = new ArrayList<>(KEYRING_SCHEMA.check(document));
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    Keyring keyring = convert(document.root(), Keyring.class);
    for (int i = 0; i < keyring.keys().size(); i++) {
      try {
        keyring.keys().get(i).key();
      } catch (PolicyException e) {
        problems.add(document.diagnostic(Diagnostic.SCHEMA_PREFIX + "publicKey", "/keys/" + i + "/publicKey", e.getMessage(), "paste the .pub.pem file that 'precept keygen' wrote"));
      }
    }
    // One key, one office: a key trusted twice would let sign and verify disagree on who signed.
    java.util.Map<String, Integer> firstUse = new java.util.HashMap<>();
    for (int i = 0; i < keyring.keys().size() && problems.isEmpty(); i++) {
      Keyring.TrustedKey key = keyring.keys().get(i);
      Integer earlier = firstUse.putIfAbsent(key.fingerprint(), i);
      if (earlier != null) {
        Keyring.TrustedKey first = keyring.keys().get(earlier);
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, "/keys/" + i + "/publicKey", "key " + key.fingerprint() + " is already trusted for office '"
            + first.office() + "' (/keys/" + earlier + "); a key may sign for one office only",
            "give each office-holder a key of their own ('precept keygen'), and remove one of the two entries"));
      }
    }
    for (int i = 0; i < keyring.passkeys().size(); i++) {
      try {
        Passkeys.coseKey(keyring.passkeys().get(i).publicKey());
      } catch (PolicyException e) {
        problems.add(document.diagnostic(Diagnostic.INCONSISTENT, "/passkeys/" + i + "/publicKey", e.getMessage(),
            "passkeys are added to the keyring when the secretary confirms an enrolment on the Precept server"));
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    return keyring;
  }

  /** A keyring file holding these keys. */
  public static String writeKeyring(Keyring keyring) {
    return "# Public keys and passkeys trusted to sign this policy, by office.\n" + dev.precept.model.PolicyYaml.toYaml(keyring);
  }

  private static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return dev.precept.model.PolicyYaml.fromTree(node, type);
    } catch (JsonProcessingException e) {
      throw new PolicyException("could not read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String resource(String name) {
    try (var in = Approvals.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("missing resource " + name, e);
    }
  }
}
