package dev.precept.render;

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
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
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
 * Signs a rendered PDF with the user's certificate (PKCS#12), so a PDF reader shows the
 * signature: a detached CMS (PKCS#7) signature over the file, PDFBox's incremental save.
 */
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
        signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        signature.setName(certificate.getSubjectX500Principal().getName());
        signature.setReason(reason);
        signature.setSignDate(when);
        document.addSignature(signature, content -> cms(content.readAllBytes(), key, chain, when.getTime()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new PolicyException("could not sign the PDF: " + e.getMessage(), e);
    }
  }

  private static byte[] cms(byte[] content, PrivateKey key, Certificate[] chain, Date when) throws IOException {
    try {
      String algorithm = switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC" -> "SHA256withECDSA";
        case "Ed25519", "EdDSA" -> "Ed25519";
        default -> throw new PolicyException("cannot sign a PDF with a " + key.getAlgorithm() + " key");
      };
      // The signing time is the approval's date: the file must not depend on when it was made.
      Hashtable<org.bouncycastle.asn1.ASN1ObjectIdentifier, Attribute> attributes = new Hashtable<>();
      attributes.put(CMSAttributes.signingTime, new Attribute(CMSAttributes.signingTime, new DERSet(new Time(when))));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
          .build(new JcaContentSignerBuilder(algorithm).build(key), (X509Certificate) chain[0]));
      generator.addCertificates(new JcaCertStore(Arrays.asList(chain)));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
      throw new IOException("CMS signing failed: " + e.getMessage(), e);
    }
  }

}
