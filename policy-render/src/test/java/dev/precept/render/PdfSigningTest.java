package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** A PDF signed with the user's PKCS#12 certificate carries a signature a reader can verify. */
class PdfSigningTest {
  static byte[] pkcs12(char[] password) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=Tom Evans, O=Connect Academy Trust");
    X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
        new Date(1_451_606_400_000L), new Date(1_893_456_000_000L), subject, pair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("chair", pair.getPrivate(), password, new Certificate[] {certificate});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  static boolean verifies(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = document.getSignatureDictionaries().get(0);
      byte[] signed = signature.getSignedContent(pdf);
      // The reserved space after the signature is zero padding: read exactly one ASN.1 object.
      var contentInfo = org.bouncycastle.asn1.cms.ContentInfo.getInstance(
          new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf)).readObject());
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      var matches = (java.util.Collection<X509CertificateHolder>) cms.getCertificates().getMatches(signer.getSID());
      X509CertificateHolder certificate = matches.iterator().next();
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    }
  }

  @Test
  void aSignedPdfVerifiesWithPdfboxAndATamperedOneDoesNot() throws Exception {
    char[] password = "board-secret".toCharArray();
    byte[] pdf = DocumentRendererTest.pdf(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY));
    byte[] signed = PdfSigning.sign(pdf, new ByteArrayInputStream(pkcs12(password)), password,
        "Approved by the Board", LocalDate.of(2016, 10, 12));
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getSignatureDictionaries().get(0);
      assertTrue(signature.getName().contains("CN=Tom Evans"), signature.getName());
      assertEquals("Approved by the Board", signature.getReason());
      assertEquals(2016, signature.getSignDate().get(java.util.Calendar.YEAR));
    }
    assertTrue(verifies(signed));
    byte[] tampered = signed.clone();
    int inside = tampered.length / 3; // within the signed byte range, in the page content
    tampered[inside] = (byte) (tampered[inside] ^ 0x01);
    boolean stillVerifies;
    try {
      stillVerifies = verifies(tampered);
    } catch (Exception e) {
      stillVerifies = false;
    }
    assertFalse(stillVerifies, "a changed byte must break the signature");
  }
}
