package dev.precept.render.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.precept.model.PolicyException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * XHTML to PDF in pure Java (openhtmltopdf on PDFBox), with DejaVu fonts embedded, the document
 * information set from the policy and the file identifier from its digest, so the bytes never
 * depend on the clock.
 */
public final class PdfMaker {
  private PdfMaker() {}

  /** What the PDF's document information says. */
  public record Info(String title, String author, String subject, String keywords, LocalDate date, String digestHex, boolean draft) {}

  /**
   * Renders XHTML to PDF on {@code out}. The document is made once: laid out and drawn by
   * openhtmltopdf, then given its information and identifier, stamped if a draft, and saved.
   */
  public static void render(String xhtml, Optional<Path> resources, Info info, OutputStream out) {
    PdfBoxRenderer renderer = null;
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.withHtmlContent(xhtml, resources.map(p -> p.toUri().toString()).orElse(null));
      font(builder, "DejaVu Serif", "DejaVuSerif.ttf", 400, FontStyle.NORMAL);
      font(builder, "DejaVu Serif", "DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL);
      font(builder, "DejaVu Serif", "DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC);
      font(builder, "DejaVu Serif", "DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
      font(builder, "DejaVu Sans", "DejaVuSans.ttf", 400, FontStyle.NORMAL);
      font(builder, "DejaVu Sans", "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
      font(builder, "DejaVu Sans", "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
      font(builder, "DejaVu Sans", "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
      // Redlines and code-like text ask for monospace: the bundled mono face, never a missing font.
      for (String mono : new String[] {"DejaVu Sans Mono", "monospace"}) {
        font(builder, mono, "DejaVuSansMono.ttf", 400, FontStyle.NORMAL);
        font(builder, mono, "DejaVuSansMono-Bold.ttf", 700, FontStyle.NORMAL);
        font(builder, mono, "DejaVuSansMono-Oblique.ttf", 400, FontStyle.ITALIC);
        font(builder, mono, "DejaVuSansMono-BoldOblique.ttf", 700, FontStyle.ITALIC);
      }
      builder.withProducer("Precept");
      // PDF/UA: tagged structure (headings, lists, paragraphs), language, title, artifacts.
      builder.usePdfUaAccessibility(true);
      // Page content is left uncompressed by the renderer and compressed once by PageContent,
      // after the empty artifacts are taken out (the option changes nothing else).
      builder.testMode(true);
      // Pages whose property lists PDFBox finds without a search through all of them.
      builder.usePageSupplier((document, width, height, page, shadowPage) -> PropertyLists.page(document, width, height));
      if (resources.isPresent()) {
        userFonts(builder, resources.get());
      }
      renderer = builder.buildPdfRenderer();
      // Lays out and draws every page into the renderer's document, without saving it.
      renderer.createPDFWithoutClosing();
    } catch (IOException | RuntimeException e) {
      closeQuietly(renderer);
      throw new PolicyException("could not render the PDF: " + e.getMessage(), e);
    }
    try (PDDocument document = renderer.getPdfDocument()) {
      finish(document, info);
      // Saved while the renderer is still open: the fonts are subset from its font data.
      document.save(out);
    } catch (IOException e) {
      throw new PolicyException("could not finish the PDF: " + e.getMessage(), e);
    } finally {
      renderer.close();
    }
  }

  private static void closeQuietly(PdfBoxRenderer renderer) {
    if (renderer != null) {
      try {
        renderer.close();
      } catch (RuntimeException ignored) {
        // the failure that brought us here is the one to report
      }
    }
  }

  /**
   * The document information from the policy, the DRAFT mark on a draft, and a file identifier
   * made from the policy's digest instead of the clock, so the same policy gives the same bytes.
   */
  private static void finish(PDDocument document, Info info) throws IOException {
    PDDocumentInformation information = new PDDocumentInformation();
    information.setTitle(info.title());
    information.setAuthor(info.author());
    information.setSubject(info.subject());
    information.setKeywords(info.keywords());
    information.setCreator("Precept");
    information.setProducer("Precept (openhtmltopdf, PDFBox)");
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    date.clear();
    date.set(info.date().getYear(), info.date().getMonthValue() - 1, info.date().getDayOfMonth());
    information.setCreationDate(date);
    information.setModificationDate(date);
    document.setDocumentInformation(information);
    PageContent.compact(document);
    if (info.draft()) {
      Watermark.stamp(document, "DRAFT");
    }
    byte[] id = HexFormat.of().parseHex(info.digestHex().substring(0, 32));
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    document.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static void font(PdfRendererBuilder builder, String family, String file, int weight, FontStyle style) {
    builder.useFont(() -> new java.io.ByteArrayInputStream(BundledFonts.bytes(file)), family, weight, style, true);
  }

  /** Registers every TrueType font in the user's template folder under its own family name. */
  private static void userFonts(PdfRendererBuilder builder, Path folder) throws IOException {
    try (DirectoryStream<Path> fonts = Files.newDirectoryStream(folder, "*.ttf")) {
      for (Path font : fonts) {
        if (!Templates.isFileInside(folder, font)) {
          continue;
        }
        File file = font.toFile();
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file))) {
          String family = ttf.getNaming().getFontFamily();
          int weight = ttf.getOS2Windows() == null ? 400 : ttf.getOS2Windows().getWeightClass();
          boolean italic = ttf.getOS2Windows() != null && (ttf.getOS2Windows().getFsSelection() & 1) != 0;
          builder.useFont(file, family, weight, italic ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
      }
    }
  }
}
