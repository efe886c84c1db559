package dev.precept.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The PDF's fonts come without glyph substitution (PDFBox's slow path) and are otherwise whole. */
class BundledFontsTest {
  @Test
  void theEmbeddedSerifHasNoSubstitutionTableAndEveryGlyphAndTableElse() throws Exception {
    byte[] original;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf")) {
      original = in.readAllBytes();
    }
    try (TrueTypeFont before = new TTFParser().parse(new RandomAccessReadBuffer(original));
        TrueTypeFont after = new TTFParser().parse(new RandomAccessReadBuffer(BundledFonts.bytes("DejaVuSerif.ttf")))) {
      assertNotNull(before.getTableMap().get("GSUB"), "the original has the table");
      assertNull(after.getTableMap().get("GSUB"));
      assertEquals(before.getTableMap().size() - 1, after.getTableMap().size());
      assertEquals(before.getNumberOfGlyphs(), after.getNumberOfGlyphs());
      assertEquals(before.getUnicodeCmapLookup().getGlyphId('\u00e9'), after.getUnicodeCmapLookup().getGlyphId('\u00e9'));
      assertEquals(before.getAdvanceWidth(before.nameToGID("f")), after.getAdvanceWidth(after.nameToGID("f")));
    }
  }

  @Test
  void eachFontIsReadOncePerProcess() {
    assertSame(BundledFonts.bytes("DejaVuSans.ttf"), BundledFonts.bytes("DejaVuSans.ttf"));
  }
}
