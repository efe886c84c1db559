package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept render --format docx}: the Board's document as a Word file, the same bytes each time. */
class RenderWordCommandTest {
  @Test
  void renderWritesAWordDocumentThatWordCanOpen(@TempDir Path dir) throws Exception {
    PreceptTest.Run run = PreceptTest.run("render", PreceptTest.SEED, "--format", "docx", "--out", dir.toString());
    assertEquals(0, run.code(), run.err());
    Path docx = dir.resolve("social-media-policy.docx");
    assertTrue(run.out().contains("wrote " + docx), run.out());
    try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx))) {
      assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("Social Media Policy")));
    }
    byte[] first = Files.readAllBytes(docx);
    assertEquals(0, PreceptTest.run("render", PreceptTest.SEED, "--format", "docx", "--out", dir.toString()).code());
    assertArrayEquals(first, Files.readAllBytes(docx));
  }
}
