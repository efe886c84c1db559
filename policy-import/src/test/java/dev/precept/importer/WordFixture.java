package dev.precept.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** A Word policy built with POI the way a school's would be: title, headings, numbered lists, a table, emphasis. */
final class WordFixture {
  /** Every sentence of the body, in order, as a reader sees it (no emphasis marks). */
  static final List<String> SENTENCES = List.of(
      "Acceptable Use Policy",
      "Purpose",
      "This policy sets out how staff and pupils use the Trust's computers and networks.",
      "Rules",
      "Users must not share their passwords with anyone:",
      "Passwords are personal to the user.",
      "Accounts are locked after five failed attempts.",
      "Staff accounts are reviewed every term.",
      "Staff are advised to lock their screens when they leave a room.",
      "Responsibilities",
      "Role", "Responsibility", "Headteacher",
      "The Headteacher must approve any new software before it is installed.",
      "Breaches may result in disciplinary action unless the Headteacher has given written permission.");

  private WordFixture() {}

  static byte[] policy() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Riverside Learning Trust");
      doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Version 2.3, March 2025");
      styled(doc, "Title", "Acceptable Use Policy");
      styled(doc, "Heading1", "1. Purpose");
      doc.createParagraph().createRun().setText("This policy sets out how staff and pupils use the Trust's computers and networks.");
      styled(doc, "Heading1", "2. Rules");
      XWPFParagraph leadIn = doc.createParagraph();
      leadIn.createRun().setText("Users ");
      XWPFRun bold = leadIn.createRun();
      bold.setBold(true);
      bold.setText("must not");
      leadIn.createRun().setText(" share their passwords with anyone:");
      BigInteger numbers = numbering(doc);
      item(doc, numbers, 0, "Passwords are personal to the user.");
      item(doc, numbers, 0, "Accounts are locked after five failed attempts.");
      item(doc, numbers, 1, "Staff accounts are reviewed every term.");
      XWPFParagraph advice = doc.createParagraph();
      advice.createRun().setText("Staff are ");
      XWPFRun italic = advice.createRun();
      italic.setItalic(true);
      italic.setText("advised to");
      advice.createRun().setText(" lock their screens when they leave a room.");
      styled(doc, "Heading1", "3. Responsibilities");
      XWPFTable table = doc.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Role");
      table.getRow(0).getCell(1).setText("Responsibility");
      table.getRow(1).getCell(0).setText("Headteacher");
      table.getRow(1).getCell(1).setText("The Headteacher must approve any new software before it is installed.");
      doc.createParagraph().createRun().setText(
          "Breaches may result in disciplinary action unless the Headteacher has given written permission.");
      doc.createParagraph().createRun().setText("Signed");
      doc.createParagraph().createRun().setText("Chair of Governors");
      doc.createParagraph().createRun().setText("Date");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A policy saved with tracked changes still showing, as a clerk's annual review leaves it: words
   * struck out and words put in within a paragraph, and a whole paragraph struck out.
   */
  static byte[] withTrackedChanges() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      styled(doc, "Title", "Online Safety Policy");
      styled(doc, "Heading1", "1. Staff");
      XWPFParagraph edited = doc.createParagraph();
      edited.createRun().setText("Staff must not give their ");
      CTRunTrackChange struck = edited.getCTP().addNewDel();
      struck.setId(BigInteger.ONE);
      struck.setAuthor("Clerk");
      struck.addNewR().addNewDelText().setStringValue("home address or ");
      CTRunTrackChange added = edited.getCTP().addNewIns();
      added.setId(BigInteger.TWO);
      added.setAuthor("Clerk");
      added.addNewR().addNewT().setStringValue("personal ");
      edited.getCTP().addNewR().addNewT().setStringValue("mobile number to pupils.");
      XWPFParagraph removed = doc.createParagraph();
      CTRunTrackChange gone = removed.getCTP().addNewDel();
      gone.setId(BigInteger.valueOf(3));
      gone.setAuthor("Clerk");
      gone.addNewR().addNewDelText().setStringValue("Pupils must not bring phones to school at any time.");
      doc.createParagraph().createRun().setText("Staff must report any concern to the Designated Safeguarding Lead.");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A table of responsibilities with a row struck out as a tracked change ({@code w:trPr/w:del}),
   * its cells' words left as plain runs, as Word writes a deleted row with the row's mark alone.
   */
  static byte[] withDeletedTableRow() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      styled(doc, "Title", "Online Safety Policy");
      styled(doc, "Heading1", "1. Responsibilities");
      XWPFTable table = doc.createTable(3, 2);
      table.getRow(0).getCell(0).setText("Headteacher");
      table.getRow(0).getCell(1).setText("The Headteacher must approve any new software before it is installed.");
      table.getRow(1).getCell(0).setText("Bursar");
      table.getRow(1).getCell(1).setText("The Bursar must keep a register of every device.");
      var deleted = table.getRow(1).getCtRow().addNewTrPr().addNewDel();
      deleted.setId(BigInteger.valueOf(4));
      deleted.setAuthor("Clerk");
      table.getRow(2).getCell(0).setText("Staff");
      table.getRow(2).getCell(1).setText("Staff must report any concern to the Designated Safeguarding Lead.");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * A title page as many schools write it: the trust's name in bold, the title in Heading 1 (not
   * the Title style), then the version, the date and the approval line, before the numbered sections.
   */
  static byte[] titlePageInHeadingStyle() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFRun trust = doc.createParagraph().createRun();
      trust.setBold(true);
      trust.setText("St Aidan's Multi Academy Trust");
      styled(doc, "Heading1", "Online Safety Policy");
      doc.createParagraph().createRun().setText("Version 3.1");
      doc.createParagraph().createRun().setText("September 2023");
      doc.createParagraph().createRun().setText("For Review and Approval by the Board of Trustees, October 2023");
      styled(doc, "Heading1", "1. Purpose");
      doc.createParagraph().createRun().setText("To ensure that pupils are kept safe when they use the internet.");
      styled(doc, "Heading1", "2. Staff");
      doc.createParagraph().createRun().setText("Staff must not give their personal mobile number to pupils.");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /**
   * Paragraphs numbered by hand, as many policies are typed: "1.1" before each paragraph and "(a)",
   * "(b)" before the entries of a list, all in the Normal style.
   */
  static byte[] numberedByHand() throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFRun trust = doc.createParagraph().createRun();
      trust.setBold(true);
      trust.setText("Riverside Academy Trust");
      XWPFRun title = doc.createParagraph().createRun();
      title.setFontSize(20);
      title.setText("Acceptable Use Policy");
      doc.createParagraph().createRun().setText("Version 1.2");
      styled(doc, "Heading1", "1. Introduction");
      doc.createParagraph().createRun().setText("1.1 This policy applies to all staff and pupils of the Trust.");
      doc.createParagraph().createRun().setText("1.2 Staff must not share their passwords with anyone.");
      styled(doc, "Heading1", "2. Monitoring");
      doc.createParagraph().createRun().setText("2.1 The Trust may monitor the use of its systems:");
      doc.createParagraph().createRun().setText("(a) to check that this policy is followed;");
      doc.createParagraph().createRun().setText("(b) to investigate a suspected breach.");
      doc.createParagraph().createRun().setText("2.2 Any breach may result in disciplinary action.");
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** The same document protected by a password, as Word saves it (an encrypted OLE2 container). */
  static byte[] passwordProtected() throws IOException, GeneralSecurityException {
    byte[] plain = policy();
    try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("secret");
      try (OutputStream data = encryptor.getDataStream(fs)) {
        data.write(plain);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  static void styled(XWPFDocument doc, String style, String text) {
    XWPFParagraph paragraph = doc.createParagraph();
    paragraph.setStyle(style);
    paragraph.createRun().setText(text);
  }

  static void item(XWPFDocument doc, BigInteger numbers, int level, String text) {
    XWPFParagraph paragraph = doc.createParagraph();
    paragraph.setNumID(numbers);
    paragraph.setNumILvl(BigInteger.valueOf(level));
    paragraph.createRun().setText(text);
  }

  static BigInteger numbering(XWPFDocument doc) {
    CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
    definition.setAbstractNumId(BigInteger.ONE);
    String[] formats = {"%1.", "%2)"};
    for (int level = 0; level < 2; level++) {
      CTLvl lvl = definition.addNewLvl();
      lvl.setIlvl(BigInteger.valueOf(level));
      lvl.addNewStart().setVal(BigInteger.ONE);
      lvl.addNewNumFmt().setVal(level == 0 ? STNumberFormat.DECIMAL : STNumberFormat.LOWER_LETTER);
      lvl.addNewLvlText().setVal(formats[level]);
    }
    XWPFNumbering numbering = doc.createNumbering();
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(definition));
    return numbering.addNum(abstractId);
  }
}
