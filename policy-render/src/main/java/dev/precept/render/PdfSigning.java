package dev.precept.render;

import org.apiguardian.api.API;

import dev.precept.model.PolicyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import java.security.MessageDigest;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a rendered PDF with the user's certificate (PKCS#12) as a PAdES baseline B-B signature, so
 * a PDF reader's signature panel shows it: sub-filter {@code ETSI.CAdES.detached}, a detached CMS
 * signature whose signed attributes are the content type, the message digest and the
 * signing-certificate-v2 attribute (no signing-time attribute: PAdES puts the claimed time in the
 * signature dictionary's {@code /M}), written with PDFBox's incremental save.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class PdfSigning {
  private PdfSigning() {}

  /**
   * The PDF signed with the first private key in the PKCS#12 store.
   *
   * @param date the signing date written into the signature (the approval's date, not the clock)
   * @throws PolicyException when the store cannot be opened or holds no private key
   */
  public static byte[] sign(byte[] pdf, InputStream pkcs12, char[] password, String reason, LocalDate date) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(pkcs12, password);
      String alias = Collections.list(store.aliases()).stream().filter(a -> {
        try {
          return store.isKeyEntry(a);
        } catch (GeneralSecurityException e) {
          return false;
        }
      }).findFirst().orElseThrow(() -> new PolicyException("the PKCS#12 file holds no private key"));
      PrivateKey key = (PrivateKey) store.getKey(alias, password);
      Certificate[] chain = store.getCertificateChain(alias);
      X509Certificate certificate = (X509Certificate) chain[0];
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
      when.clear();
      when.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
      try (PDDocument document = Loader.loadPDF(pdf)) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(certificate.getSubjectX500Principal().getName());
        signature.setReason(reason);
        signature.setSignDate(when);
        // The incremental update's file identifier is made from this seed, not the clock.
        document.setDocumentId(java.nio.ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(pdf)).getLong());
        document.addSignature(signature, content -> cms(content.readAllBytes(), key, chain));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new PolicyException("could not sign the PDF: " + e.getMessage(), e);
    }
  }

  /**
   * The PDF signed with a throwaway self-signed certificate made for the occasion (RSA 2048, valid
   * from a year before {@code date} for ten years), for demonstrations: a reader's signature panel
   * shows the signature, valid but from an untrusted signer. Never use it for a real approval.
   *
   * @param signer the certificate's common name; " (demo certificate)" is added to it
   * @throws PolicyException when the certificate cannot be made or the PDF signed
   */
  public static byte[] signWithThrowawayCertificate(byte[] pdf, String signer, String reason, LocalDate date) {
    try {
      java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      java.security.KeyPair pair = generator.generateKeyPair();
      org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500NameBuilder()
          .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, signer + " (demo certificate)").build();
      java.util.Date from = java.util.Date.from(date.minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      java.util.Date until = java.util.Date.from(date.plusYears(10).atStartOfDay().toInstant(ZoneOffset.UTC));
      X509CertificateHolder holder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(subject,
          java.math.BigInteger.valueOf(date.toEpochDay()), from, until, subject, pair.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
      X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
      char[] password = "throwaway".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("demo", pair.getPrivate(), password, new Certificate[] {certificate});
      ByteArrayOutputStream p12 = new ByteArrayOutputStream();
      store.store(p12, password);
      return sign(pdf, new java.io.ByteArrayInputStream(p12.toByteArray()), password, reason, date);
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new PolicyException("could not make a throwaway certificate: " + e.getMessage(), e);
    }
  }

  private static byte[] cms(byte[] content, PrivateKey key, Certificate[] chain) throws IOException {
    try {
      String algorithm = switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        case "Ed25519", "EdDSA" -> "Ed25519";
        default -> throw new PolicyException("cannot sign a PDF with a " + key.getAlgorithm() + " key");
      };
      X509Certificate certificate = (X509Certificate) chain[0];
      // signing-certificate-v2 (RFC 5035): binds the signature to this certificate by its SHA-256 hash.
      X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      ESSCertIDv2 id = new ESSCertIDv2(hash, new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())),
          holder.getSerialNumber()));
      Hashtable<ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
      attributes.put(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new Attribute(
          PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
      DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
      // PAdES baseline forbids the signing-time attribute, which BouncyCastle adds by default.
      CMSAttributeTableGenerator withoutSigningTime = parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(withoutSigningTime)
          .build(new JcaContentSignerBuilder(algorithm).build(key), certificate));
      generator.addCertificates(new JcaCertStore(Arrays.asList(chain)));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
      throw new IOException("CMS signing failed: " + e.getMessage(), e);
    }
  }

}
