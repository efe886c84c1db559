package dev.precept.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Each page's drawing as the PDF keeps it: compressed once, and without the background artifacts
 * that mark nothing.
 *
 * <p>openhtmltopdf 1.1.65, making a tagged PDF, opens a background artifact ({@code /Artifact
 * /PropN BDC}, with a {@code /Type /Background} property list in the page's resources) for every
 * box it paints, because it takes every box to have a background image (the property's value is a
 * list, never the {@code none} it compares with). A box with no background and no border draws
 * nothing inside it, so the page was left with one empty marked-content pair and one property-list
 * object per box: on a 10,000-clause policy 128,000 of the PDF's 186,000 objects, which saving the
 * file spent most of its time on. An empty marked-content sequence draws nothing and is not in the
 * structure tree, so taking it out changes no page a reader sees and nothing a screen reader reads;
 * artifacts with something inside (borders, the running footer) stay as they are.
 *
 * <p>The renderer is asked to leave page content uncompressed ({@code testMode}, which changes
 * nothing else), so it is read here without inflating it and deflated once, as PDFBox would have.
 */
final class PageContent {
  private static final byte[] ARTIFACT = "Artifact".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] BDC = "BDC".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] EMC = "EMC".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] DP = "DP".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] ID = "ID".getBytes(StandardCharsets.ISO_8859_1);
  /** Bytes that end a name, number or operator: white space and delimiters. */
  private static final boolean[] ENDS_TOKEN = new boolean[256];
  private static final boolean[] WHITE = new boolean[256];

  static {
    for (char c : " \n\r\t\f\0".toCharArray()) {
      WHITE[c] = true;
      ENDS_TOKEN[c] = true;
    }
    for (char c : "()<>[]{}/%".toCharArray()) {
      ENDS_TOKEN[c] = true;
    }
  }

  private PageContent() {}

  /**
   * Compresses every page's content streams, first taking the empty background artifacts out of
   * each page drawn as one stream.
   */
  static void compact(PDDocument document) throws IOException {
    for (PDPage page : document.getPages()) {
      COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      if (contents instanceof COSStream stream) {
        COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
        compact(stream, resources == null ? null : resources.getCOSDictionary(COSName.PROPERTIES));
      } else if (contents instanceof COSArray streams) {
        for (COSBase each : streams) {
          if (each instanceof COSObject object && object.getObject() instanceof COSStream stream) {
            compact(stream, null);
          } else if (each instanceof COSStream stream) {
            compact(stream, null);
          }
        }
      }
    }
  }

  private static void compact(COSStream stream, COSDictionary properties) throws IOException {
    if (stream.getFilters() != null) {
      return;
    }
    byte[] content;
    try (InputStream in = stream.createRawInputStream()) {
      content = in.readAllBytes();
    }
    List<int[]> removed = properties == null ? List.of() : emptyArtifacts(content, properties);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      int from = 0;
      for (int[] range : removed) {
        out.write(content, from, range[0] - from);
        from = range[1];
      }
      out.write(content, from, content.length - from);
    }
    for (int[] range : removed) {
      properties.removeItem(name(content, range[2], range[3]));
    }
  }

  /**
   * Where the page's empty background artifacts are, as {start, end, name start, name end}: none
   * when any of their names is used elsewhere on the page or names something other than a
   * background, or when the page holds an inline image (whose data is not tokens).
   */
  private static List<int[]> emptyArtifacts(byte[] content, COSDictionary properties) {
    Scan scan = new Scan(content);
    scan.run();
    if (scan.inlineImage) {
      return List.of();
    }
    for (int[] range : scan.removed) {
      COSName name = name(content, range[2], range[3]);
      if (scan.kept.contains(name) || !isBackground(properties.getDictionaryObject(name))) {
        return List.of();
      }
    }
    return scan.removed;
  }

  private static COSName name(byte[] content, int from, int to) {
    return COSName.getPDFName(new String(content, from, to - from, StandardCharsets.ISO_8859_1));
  }

  private static boolean isBackground(COSBase value) {
    COSBase dictionary = value instanceof COSObject object ? object.getObject() : value;
    return dictionary instanceof COSDictionary d && COSName.BACKGROUND.equals(d.getCOSName(COSName.TYPE));
  }

  /**
   * One pass over a content stream's tokens: where each {@code /Artifact /Name BDC EMC} starts and
   * ends (with the name's bytes), and every other property-list name a {@code BDC} or {@code DP}
   * uses. Strings, hexadecimal strings, dictionaries and comments are stepped over whole, so no
   * text drawn on the page is ever read as an operator.
   */
  private static final class Scan {
    private final byte[] b;
    /** {start, end, name start, name end} of each empty artifact, in order. */
    final List<int[]> removed = new ArrayList<>();
    /** Property-list names used by marked content that stays. */
    final Set<COSName> kept = new HashSet<>();
    boolean inlineImage;
    // The two tokens before the current one: kind ('/' name, 'o' operator, 'x' other), start, end.
    private final char[] kind = new char[2];
    private final int[] start = new int[2];
    private final int[] end = new int[2];
    /** Where an artifact's "/Artifact /Name BDC" started, while nothing has followed it yet; else -1. */
    private int pending = -1;
    private int pendingNameFrom;
    private int pendingNameTo;

    Scan(byte[] content) {
      this.b = content;
    }

    void run() {
      int i = 0;
      while (i < b.length && !inlineImage) {
        int c = b[i] & 0xff;
        if (WHITE[c]) {
          i++;
        } else if (c == '%') {
          while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
          }
        } else if (c == '(') {
          i = token('x', i, literal(i));
        } else if (c == '<' && i + 1 < b.length && b[i + 1] == '<') {
          i = token('x', i, i + 2);
        } else if (c == '>' && i + 1 < b.length && b[i + 1] == '>') {
          i = token('x', i, i + 2);
        } else if (c == '<') {
          int j = i + 1;
          while (j < b.length && b[j] != '>') {
            j++;
          }
          i = token('x', i, Math.min(j + 1, b.length));
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>') {
          i = token('x', i, i + 1);
        } else if (c == '/') {
          i = token('/', i, regular(i + 1));
        } else {
          int j = regular(i + 1);
          i = token(Character.isLetter(c) || c == '\'' || c == '"' ? 'o' : 'x', i, j);
        }
      }
    }

    /** Takes the token [from, to) and returns {@code to}. */
    private int token(char k, int from, int to) {
      if (pending >= 0) {
        if (k == 'o' && is(from, to, EMC)) {
          removed.add(new int[] {pending, after(to), pendingNameFrom + 1, pendingNameTo});
          pending = -1;
          shift(k, from, to);
          return to;
        }
        kept.add(name(pendingNameFrom, pendingNameTo));
        pending = -1;
      }
      if (k == 'o') {
        boolean bdc = is(from, to, BDC);
        if ((bdc || is(from, to, DP)) && kind[1] == '/') {
          if (bdc && kind[0] == '/' && is(start[0] + 1, end[0], ARTIFACT)) {
            pending = start[0];
            pendingNameFrom = start[1];
            pendingNameTo = end[1];
          } else {
            kept.add(name(start[1], end[1]));
          }
        } else if (is(from, to, ID)) {
          inlineImage = true;
        }
      }
      shift(k, from, to);
      return to;
    }

    private void shift(char k, int from, int to) {
      kind[0] = kind[1];
      start[0] = start[1];
      end[0] = end[1];
      kind[1] = k;
      start[1] = from;
      end[1] = to;
    }

    private COSName name(int from, int to) {
      return PageContent.name(b, from + 1, to);
    }

    private boolean is(int from, int to, byte[] word) {
      if (to - from != word.length) {
        return false;
      }
      for (int k = 0; k < word.length; k++) {
        if (b[from + k] != word[k]) {
          return false;
        }
      }
      return true;
    }

    private int after(int i) {
      while (i < b.length && WHITE[b[i] & 0xff]) {
        i++;
      }
      return i;
    }

    private int literal(int i) {
      int depth = 0;
      while (i < b.length) {
        byte c = b[i];
        if (c == '\\') {
          i += 2;
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        }
        i++;
      }
      return i;
    }

    private int regular(int i) {
      while (i < b.length && !ENDS_TOKEN[b[i] & 0xff]) {
        i++;
      }
      return i;
    }
  }
}
