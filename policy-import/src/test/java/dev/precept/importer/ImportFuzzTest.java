package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precept.model.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Fuzzing the importer: whatever a clerk hands it as a Word, Markdown or text file, it gives a
 * skeleton that validates or an {@link ImportException} naming the file, never another exception.
 * In a plain {@code mvn verify} each fuzz test runs its committed corpus
 * ({@code src/test/resources/dev/precept/importer/ImportFuzzTestInputs/}); {@code JAZZER_FUZZ=1}
 * fuzzes for real (see docs/performance.md, "Fuzzing").
 */
class ImportFuzzTest {
  private static final Path FOLDER = folder();
  private static final String[] STYLES = {"Title", "Heading1", "Heading2", "Heading3", "ListParagraph", "Normal", "Quote"};

  private static Path folder() {
    try {
      Path folder = Files.createTempDirectory("precept-import-fuzz");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m")
  void anyBytesGivenAsAWordFileGiveASkeletonOrAnImportError(FuzzedDataProvider data) {
    importOrRefuse("policy.docx", data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "10m")
  void anyTextGivenAsMarkdownOrPlainTextGivesASkeletonOrAnImportError(FuzzedDataProvider data) {
    String name = data.consumeBoolean() ? "policy.md" : "policy.txt";
    importOrRefuse(name, data.consumeRemainingAsBytes());
  }

  /** A Word document built as Word builds one, from fuzzed headings, paragraphs, list items and tables. */
  @FuzzTest(maxDuration = "10m")
  void anyWordDocumentOfHeadingsListsAndTablesImportsToASkeletonThatValidates(FuzzedDataProvider data) throws IOException {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      BigInteger numbers = null;
      int blocks = data.consumeInt(1, 40);
      for (int b = 0; b < blocks && data.remainingBytes() > 0; b++) {
        String text = printable(data.consumeString(120));
        switch (data.consumeInt(0, 3)) {
          case 0 -> WordFixture.styled(doc, data.pickValue(STYLES), text);
          case 1 -> {
            if (numbers == null) {
              numbers = WordFixture.numbering(doc);
            }
            WordFixture.item(doc, numbers, data.consumeInt(0, 1), text);
          }
          case 2 -> {
            XWPFTable table = doc.createTable(data.consumeInt(1, 3), data.consumeInt(1, 3));
            table.getRow(0).getCell(0).setText(text);
          }
          default -> doc.createParagraph().createRun().setText(text);
        }
      }
      doc.write(out);
      docx = out.toByteArray();
    }
    importOrRefuse("built.docx", docx);
  }

  private static void importOrRefuse(String name, byte[] bytes) {
    Path file = FOLDER.resolve(name);
    try {
      Files.write(file, bytes);
      ImportedPolicy imported = PolicyImporter.standard().read(file);
      assertFalse(imported.yaml().isBlank());
      PolicyLoader.standard().parse(imported.yaml(), name); // the skeleton validates, as promised
    } catch (ImportException refused) {
      assertTrue(refused.getMessage().startsWith(file.toString()), "a refusal names the file: " + refused.getMessage());
      assertFalse(refused.getMessage().contains("Exception"), "no exception names for a clerk: " + refused.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      file.toFile().delete();
    }
  }

  /** POI refuses control characters in XML text, as Word never writes them; anything else is fair. */
  private static String printable(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> c >= 0x20 && c != 0xFFFE && c != 0xFFFF && (c < 0xD800 || c > 0xDFFF)).forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
