package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportErrorsTest {
  @TempDir Path folder;

  private String failure(String name, byte[] content) throws Exception {
    Path file = folder.resolve(name);
    Files.write(file, content);
    ImportException e = assertThrows(ImportException.class, () -> PolicyImporter.standard().read(file));
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void passwordProtectedWordDocumentIsRefusedWithHowToRemoveThePassword() throws Exception {
    String message = failure("protected.docx", WordFixture.passwordProtected());
    assertTrue(message.contains("is protected by a password") && message.contains("nothing was written"), message);
  }

  @Test
  void truncatedWordDocumentIsReportedDamaged() throws Exception {
    byte[] whole = WordFixture.policy();
    String message = failure("truncated.docx", Arrays.copyOf(whole, whole.length / 3));
    assertTrue(message.contains("is damaged or not a Word document"), message);
  }

  @Test
  void textRenamedToDocxIsNotAWordDocument() throws Exception {
    String message = failure("notes.docx", "Staff must not share passwords.".getBytes(StandardCharsets.UTF_8));
    assertTrue(message.contains("is not a Word document"), message);
  }

  @Test
  void textWithoutAnySentenceIsNotAPolicy() throws Exception {
    String message = failure("list.txt", "Shopping\n\nEggs\n\nMilk\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(message.contains("does not read as a policy"), message);
  }

  @Test
  void binaryDataNamedTxtIsNotText() throws Exception {
    String message = failure("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    assertTrue(message.contains("is not a text file"), message);
  }

  @Test
  void oldWordFormatAsksForDocx() throws Exception {
    String message = failure("policy.doc", new byte[] {1, 2, 3});
    assertTrue(message.contains("save it as .docx"), message);
  }

  @Test
  void otherFormatsAreNamed() throws Exception {
    String message = failure("policy.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
    assertTrue(message.contains("not '.pdf'"), message);
  }

  @Test
  void missingFileIsNamed() {
    Path missing = folder.resolve("missing.docx");
    ImportException e = assertThrows(ImportException.class, () -> PolicyImporter.standard().read(missing));
    assertTrue(e.getMessage().equals(missing + ": no such file"), e.getMessage());
  }
}
