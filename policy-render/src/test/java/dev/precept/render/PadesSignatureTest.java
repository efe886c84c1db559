package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signed PDF is a PAdES baseline B-B signature: the form EU readers and validators recognise. */
class PadesSignatureTest {
  static final char[] PASSWORD = "board-secret".toCharArray();
  static byte[] pdf;
  static byte[] p12;
  static byte[] signed;

  @BeforeAll
  static void sign() throws Exception {
    pdf = DocumentRendererTest.pdf(DocumentRendererTest.POLICY, SignatureBlock.unsigned(DocumentRendererTest.POLICY));
    p12 = PdfSigningTest.pkcs12(PASSWORD);
    signed = PdfSigning.sign(pdf, new ByteArrayInputStream(p12), PASSWORD, "Approved by the Board", LocalDate.of(2016, 10, 12));
  }

  @Test
  void signingTheSameDocumentAgainWithAnRsaKeyGivesTheSameBytes() {
    byte[] again = PdfSigning.sign(pdf, new ByteArrayInputStream(p12), PASSWORD, "Approved by the Board", LocalDate.of(2016, 10, 12));
    assertArrayEquals(signed, again, "the signature and the file identifier depend on the inputs only");
  }

  private static SignerInformation signer(CMSSignedData cms) {
    return cms.getSignerInfos().getSigners().iterator().next();
  }

  private static CMSSignedData cms(PDSignature signature) throws Exception {
    ContentInfo info = ContentInfo.getInstance(new ASN1InputStream(signature.getContents(signed)).readObject());
    return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)), info);
  }

  @Test
  void theSignatureIsEtsiCadesDetachedWithTheClaimedTimeInTheDictionary() throws Exception {
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getSignatureDictionaries().get(0);
      assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
      assertEquals("Adobe.PPKLite", signature.getFilter());
      assertEquals(2016, signature.getSignDate().get(java.util.Calendar.YEAR));
      assertTrue(PdfSigningTest.verifies(signed), "the CMS signature verifies over the signed byte range");
    }
  }

  @Test
  void signedAttributesCarryTheSigningCertificateV2AndNoSigningTime() throws Exception {
    try (PDDocument document = Loader.loadPDF(signed)) {
      CMSSignedData cms = cms(document.getSignatureDictionaries().get(0));
      SignerInformation signer = signer(cms);
      AttributeTable attributes = signer.getSignedAttributes();
      assertNotNull(attributes.get(CMSAttributes.contentType));
      assertNotNull(attributes.get(CMSAttributes.messageDigest));
      assertNull(attributes.get(CMSAttributes.signingTime), "PAdES baseline forbids the signing-time attribute");
      var attribute = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
      assertNotNull(attribute, "signing-certificate-v2 is present");
      SigningCertificateV2 v2 = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
      @SuppressWarnings("unchecked")
      X509CertificateHolder certificate = ((java.util.Collection<X509CertificateHolder>) cms.getCertificates()
          .getMatches(signer.getSID())).iterator().next();
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), v2.getCerts()[0].getCertHash(),
          "the attribute names the signer's certificate by its SHA-256 hash");
    }
  }

  @Test
  void popplersPdfsigRecognisesAValidPadesSignatureWhereInstalled(@TempDir Path dir) throws Exception {
    Path pdfsig = Path.of("/usr/bin/pdfsig");
    assumeTrue(Files.isExecutable(pdfsig) || System.getenv("CI") != null, "poppler-utils' pdfsig is not installed");
    Path file = dir.resolve("signed.pdf");
    Files.write(file, signed);
    Process process = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.contains("Signature Type: ETSI.CAdES.detached"), out);
    assertTrue(out.contains("Signature Validation: Signature is Valid."), out);
    assertTrue(out.contains("Signer Certificate Common Name: Tom Evans"), out);
  }
}
