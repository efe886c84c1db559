package dev.precept.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DejaVu fonts the PDF embeds, read once per process and without their glyph-substitution
 * table ({@code GSUB}).
 *
 * <p>PDFBox 3 applies a font's GSUB rules to every run of text it draws, and its Latin worker
 * compiles regular expressions for each run: on a 10,000-clause policy that was most of the PDF's
 * time. The layout (openhtmltopdf) measures text without those rules, so dropping the table also
 * keeps what is drawn the width that was measured; what is lost is automatic ligatures (fi, fl),
 * which a policy document does not need and which text extraction reads no better.
 */
final class BundledFonts {
  private static final String FOLDER = "net/sf/jasperreports/fonts/dejavu/";
  private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

  private BundledFonts() {}

  /** The font file's bytes, without its GSUB table. */
  static byte[] bytes(String file) {
    return LOADED.computeIfAbsent(file, BundledFonts::load);
  }

  private static byte[] load(String file) {
    try (InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the classpath: " + file);
      }
      return withoutTable(in.readAllBytes(), "GSUB");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the bundled font " + file, e);
    }
  }

  /**
   * The TrueType font with one table's record removed from its table directory (the table's bytes
   * stay where they are, unreferenced; every other record's offset is absolute and stays valid).
   */
  static byte[] withoutTable(byte[] font, String tag) {
    ByteBuffer buffer = ByteBuffer.wrap(font);
    int tables = Short.toUnsignedInt(buffer.getShort(4));
    for (int i = 0; i < tables; i++) {
      int record = 12 + 16 * i;
      String name = new String(font, record, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (name.equals(tag)) {
        byte[] copy = font.clone();
        System.arraycopy(font, record + 16, copy, record, 16 * (tables - i - 1));
        java.util.Arrays.fill(copy, 12 + 16 * (tables - 1), 12 + 16 * tables, (byte) 0);
        ByteBuffer.wrap(copy).putShort(4, (short) (tables - 1));
        return copy;
      }
    }
    return font;
  }
}
