package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Board secretary's workflow on the command line: keys, trust, signatures, verification, review dates. */
class ApprovalCommandsTest {
  private static Path policyIn(Path dir) throws Exception {
    Path policy = dir.resolve("social-media-policy.yaml");
    Files.copy(Path.of(PreceptTest.SEED), policy);
    return policy;
  }

  private static void trustAndSign(Path dir, Path policy, String office, String name) {
    assertEquals(0, run("keygen", "--out", dir.resolve("keys").toString(), "--name", name).code());
    String base = name.toLowerCase().replace(' ', '-');
    assertEquals(0, run("trust", policy.toString(), "--office", office, "--name", name,
        "--public-key", dir.resolve("keys/" + base + ".pub.pem").toString()).code());
    PreceptTest.Run signed = run("sign", policy.toString(), "--key", dir.resolve("keys/" + base + ".key.pem").toString(),
        "--as", office, "--date", "2016-10-12", "--minute", "Board 2016/41");
    assertEquals(0, signed.code(), signed.err());
  }

  @Test
  void keygenWritesAPrivateKeyOnlyItsOwnerCanRead(@TempDir Path dir) throws Exception {
    PreceptTest.Run run = run("keygen", "--out", dir.toString(), "--name", "Jane Smith");
    assertEquals(0, run.code());
    assertTrue(Files.readString(dir.resolve("jane-smith.key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jane-smith.key.pem"))));
    assertTrue(Files.readString(dir.resolve("jane-smith.pub.pem")).startsWith("-----BEGIN PUBLIC KEY-----"));
    assertEquals(2, run("keygen", "--out", dir.toString(), "--name", "Jane Smith").code(), "a key is never overwritten");
  }

  @Test
  void signThenVerifyApprovesOnlyWhenEverySignatoryHasSigned(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    assertEquals(1, run("verify", policy.toString()).code());
    trustAndSign(dir, policy, "ceo", "Jane Smith");
    PreceptTest.Run half = run("verify", policy.toString());
    assertEquals(1, half.code());
    assertTrue(half.out().contains("Chair of Connect Academy Trust has not approved this edition"), half.out());
    trustAndSign(dir, policy, "chair", "Tom Evans");
    PreceptTest.Run both = run("verify", policy.toString());
    assertEquals(0, both.code(), both.out());
    assertTrue(both.out().contains("APPROVED: every signatory approved exactly this edition"), both.out());
    assertEquals(Files.readString(Path.of(PreceptTest.SEED)), Files.readString(policy), "signing never edits the policy");
  }

  @Test
  void aChangedClauseVoidsTheApprovalsAndReformattingDoesNot(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    trustAndSign(dir, policy, "ceo", "Jane Smith");
    trustAndSign(dir, policy, "chair", "Tom Evans");
    String original = Files.readString(policy);
    Files.writeString(policy, "# reformatted: a comment, and the id moved after the version\n" + original);
    assertEquals(0, run("verify", policy.toString()).code());
    Files.writeString(policy, original.replace("must not communicate", "should not communicate"));
    PreceptTest.Run voided = run("verify", policy.toString());
    assertEquals(1, voided.code());
    assertTrue(voided.out().contains("approval is for an earlier edition sha256:"), voided.out());
  }

  @Test
  void signingWithAKeyNobodyTrustedIsRefused(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    run("keygen", "--out", dir.toString(), "--name", "Mallory");
    PreceptTest.Run run = run("sign", policy.toString(), "--key", dir.resolve("mallory.key.pem").toString(), "--as", "chair");
    assertEquals(1, run.code());
    assertTrue(run.err().contains("this key is not in the keyring for office 'chair'"), run.err());
    assertTrue(Files.notExists(dir.resolve("social-media-policy.approvals.yaml")), "nothing is written");
  }

  @Test
  void dueListsOverduePoliciesAndExitsOne(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    trustAndSign(dir, policy, "ceo", "Jane Smith");
    trustAndSign(dir, policy, "chair", "Tom Evans");
    PreceptTest.Run soon = run("due", dir.toString(), "--today", "2017-09-20", "--within", "30d");
    assertEquals(0, soon.code(), soon.out());
    assertTrue(soon.out().contains("due ") && soon.out().contains("review due 2017-10-12"), soon.out());
    PreceptTest.Run late = run("due", dir.toString(), "--today", "2017-10-13");
    assertEquals(1, late.code());
    assertTrue(late.out().contains("OVERDUE"), late.out());
    assertEquals(2, run("due", dir.toString(), "--within", "soon").code());
  }

  @Test
  void aReviewWithNoChangeRenewsTheCycleWithoutVoidingAnything(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    trustAndSign(dir, policy, "ceo", "Jane Smith");
    trustAndSign(dir, policy, "chair", "Tom Evans");
    // The secretary logs the review in the revision history: the digest, and so the approvals, stand.
    Files.writeString(policy, Files.readString(policy).replace("      summary: First edition, for review and approval by the Board in October 2016.",
        "      summary: First edition, for review and approval by the Board in October 2016.\n"
            + "    - version: \"2016.1\"\n      date: 2017-10-11\n      summary: Reviewed by the Board with no change."));
    assertEquals(0, run("verify", policy.toString()).code());
    for (String[] who : new String[][] {{"ceo", "jane-smith"}, {"chair", "tom-evans"}}) {
      assertEquals(0, run("sign", policy.toString(), "--key", dir.resolve("keys/" + who[1] + ".key.pem").toString(),
          "--as", who[0], "--date", "2017-10-11", "--decision", "reviewed-no-change").code());
    }
    PreceptTest.Run due = run("due", dir.toString(), "--today", "2017-11-01");
    assertEquals(0, due.code(), due.out());
    assertTrue(due.out().contains("review due 2018-10-11"), due.out());
  }

  @Test
  void renderSignsThePdfWithAPkcs12Certificate(@TempDir Path dir) throws Exception {
    Path policy = policyIn(dir);
    Path p12 = dir.resolve("chair.p12");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=Tom Evans");
    var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.TEN,
        new Date(1_451_606_400_000L), new Date(1_893_456_000_000L), subject, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("chair", pair.getPrivate(), new char[0], new Certificate[] {certificate});
    try (var out = Files.newOutputStream(p12)) {
      store.store(out, new char[0]);
    }
    PreceptTest.Run run = run("render", policy.toString(), "--format", "pdf", "--out", dir.resolve("out").toString(), "--sign-pdf", p12.toString());
    assertEquals(0, run.code(), run.err());
    try (var pdf = Loader.loadPDF(dir.resolve("out/social-media-policy.pdf").toFile())) {
      assertEquals(1, pdf.getSignatureDictionaries().size());
      assertTrue(pdf.getSignatureDictionaries().get(0).getName().contains("Tom Evans"));
    }
    assertEquals(2, run("render", policy.toString(), "--format", "html", "--out", dir.toString(), "--sign-pdf", p12.toString()).code());
  }
}
