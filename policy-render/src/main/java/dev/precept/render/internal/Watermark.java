package dev.precept.render.internal;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * A DRAFT watermark drawn on every page as glyph outlines, not text: it shows through at low
 * opacity but is not part of the document's text (copying or extracting text never picks it up).
 */
public final class Watermark {
  private static volatile String draftSvg;
  /** Each word's outline, read from the font once per process (the only word stamped is DRAFT). */
  private static final java.util.Map<String, Outline> OUTLINES = new java.util.concurrent.ConcurrentHashMap<>();

  private Watermark() {}

  /**
   * A word's outline in DejaVu Sans Bold, in font units, with its advance width and em size. The
   * path is only ever read (iterated) once made, so one outline serves every render and thread.
   */
  private record Outline(GeneralPath path, float advance, float unitsPerEm) {}

  private static Outline outline(String word) throws IOException {
    try {
      return OUTLINES.computeIfAbsent(word, w -> {
        try {
          return read(w);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Outline read(String word) throws IOException {
    try (InputStream in = Watermark.class.getClassLoader().getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf");
         TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
      GeneralPath outline = new GeneralPath();
      float advance = 0;
      for (char c : word.toCharArray()) {
        int glyph = font.getUnicodeCmapLookup().getGlyphId(c);
        GlyphData data = font.getGlyph().getGlyph(glyph);
        if (data != null) {
          outline.append(data.getPath().getPathIterator(AffineTransform.getTranslateInstance(advance, 0)), false);
        }
        advance += font.getAdvanceWidth(glyph);
      }
      return new Outline(outline, advance, font.getUnitsPerEm());
    }
  }

  /**
   * The DRAFT mark for browsers: an SVG of the word's outline (shapes, not text, so it is never
   * copied, extracted or spoken), as a data URI for a CSS background.
   */
  public static String draftSvgDataUri() {
    String svg = draftSvg;
    if (svg == null) {
      try {
        Outline word = outline("DRAFT");
        StringBuilder d = new StringBuilder();
        // Font units have y upwards; SVG has y downwards: flip, then rotate about the centre.
        AffineTransform flip = AffineTransform.getScaleInstance(1, -1);
        PathIterator path = word.path().getPathIterator(flip);
        float[] c = new float[6];
        while (!path.isDone()) {
          switch (path.currentSegment(c)) {
            case PathIterator.SEG_MOVETO -> d.append(String.format(java.util.Locale.ROOT, "M%.0f %.0f", c[0], c[1]));
            case PathIterator.SEG_LINETO -> d.append(String.format(java.util.Locale.ROOT, "L%.0f %.0f", c[0], c[1]));
            case PathIterator.SEG_QUADTO -> d.append(String.format(java.util.Locale.ROOT, "Q%.0f %.0f %.0f %.0f", c[0], c[1], c[2], c[3]));
            case PathIterator.SEG_CUBICTO -> d.append(String.format(java.util.Locale.ROOT, "C%.0f %.0f %.0f %.0f %.0f %.0f", c[0], c[1], c[2], c[3], c[4], c[5]));
            default -> d.append('Z');
          }
          path.next();
        }
        float w = word.advance();
        float h = word.unitsPerEm();
        String xml = String.format(java.util.Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.0f %.0f %.0f %.0f\">"
                + "<g transform=\"rotate(-40 %.0f %.0f)\"><path fill=\"#d32f2f\" fill-opacity=\"0.13\" d=\"%s\"/></g></svg>",
            w / 2 - w * 0.55, -h * 0.35 - w * 0.55, w * 1.1, w * 1.1, w / 2, -h * 0.35, d);
        svg = "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        draftSvg = svg;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return svg;
  }

  static void stamp(PDDocument document, String text) throws IOException {
    {
      Outline word = outline(text);
      GeneralPath outline = word.path();
      float advance = word.advance();
      float unitsPerEm = word.unitsPerEm();
      for (PDPage page : document.getPages()) {
        PDRectangle box = page.getMediaBox();
        float size = box.getWidth() * 0.22f;
        float scale = size / unitsPerEm;
        AffineTransform placement = new AffineTransform();
        placement.translate(box.getWidth() / 2, box.getHeight() / 2);
        placement.rotate(Math.toRadians(40));
        placement.scale(scale, scale);
        placement.translate(-advance / 2, -unitsPerEm * 0.35);
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.13f);
        try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          // An artifact, not content: screen readers and the structure tree pass it by (PDF/UA).
          stream.beginMarkedContent(org.apache.pdfbox.cos.COSName.getPDFName("Artifact"));
          stream.setGraphicsStateParameters(translucent);
          stream.setNonStrokingColor(0.83f, 0.18f, 0.18f);
          draw(stream, outline.getPathIterator(placement));
          stream.fill();
          stream.endMarkedContent();
        }
      }
    }
  }

  private static void draw(PDPageContentStream stream, PathIterator path) throws IOException {
    float[] c = new float[6];
    float x = 0;
    float y = 0;
    while (!path.isDone()) {
      switch (path.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> stream.moveTo(x = c[0], y = c[1]);
        case PathIterator.SEG_LINETO -> stream.lineTo(x = c[0], y = c[1]);
        case PathIterator.SEG_QUADTO -> {
          // A quadratic curve as the cubic with the same shape.
          stream.curveTo(x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y),
              c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
          x = c[2];
          y = c[3];
        }
        case PathIterator.SEG_CUBICTO -> {
          stream.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
          x = c[4];
          y = c[5];
        }
        default -> stream.closePath();
      }
      path.next();
    }
  }
}
