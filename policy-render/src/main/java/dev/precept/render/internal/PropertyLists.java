package dev.precept.render.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A page's marked-content property lists ({@code /Properties} in its resources) that answer "is
 * this list here already, and under which name" without looking through every one.
 *
 * <p>PDFBox asks exactly that before naming each new property list, by going through the whole
 * dictionary, and a tagged page gets one for every box drawn on it: a few hundred a page, so a long
 * document spent a good part of its drawing in that search. The lists are dictionaries, which are
 * equal only to themselves, so an index by identity gives the same answers; it is kept while
 * entries are only added (as they are while the page is drawn) and given up at the first removal
 * or replacement, after which the dictionary answers as PDFBox's does.
 */
final class PropertyLists extends COSDictionary {
  private Map<COSBase, COSName> firstNames = new IdentityHashMap<>();

  /** A new page of the given size, added to the document, its resources holding these lists. */
  static PDPage page(PDDocument document, float width, float height) {
    PDPage page = new PDPage(new PDRectangle(width, height));
    document.addPage(page);
    // Where the content stream would have put the resources: after the page joins the document.
    COSDictionary resources = new COSDictionary();
    resources.setItem(COSName.PROPERTIES, new PropertyLists());
    page.setResources(new PDResources(resources));
    return page;
  }

  @Override
  public void setItem(COSName key, COSBase value) {
    if (firstNames != null) {
      // A replaced entry, or an indirect one (PDFBox stores a reference to it): answer as PDFBox does.
      if (value == null || containsKey(key) || (!value.isDirect() && value.getKey() != null)) {
        firstNames = null;
      } else {
        firstNames.putIfAbsent(value, key);
      }
    }
    super.setItem(key, value);
  }

  @Override
  public void removeItem(COSName key) {
    firstNames = null;
    super.removeItem(key);
  }

  @Override
  public void clear() {
    firstNames = null;
    super.clear();
  }

  @Override
  public void addAll(COSDictionary other) {
    firstNames = null;
    super.addAll(other);
  }

  @Override
  public boolean containsValue(Object value) {
    if (firstNames != null && value != null && value.getClass() == COSDictionary.class) {
      return firstNames.containsKey(value);
    }
    return super.containsValue(value);
  }

  @Override
  public COSName getKeyForValue(Object value) {
    if (firstNames != null && value != null && value.getClass() == COSDictionary.class) {
      return firstNames.get(value);
    }
    return super.getKeyForValue(value);
  }
}
