package dev.precept.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.junit.jupiter.api.Test;

/** Property lists on an indexed page get the names PDFBox gives them on a plain page. */
class PropertyListsTest {
  /** The names PDFBox gives when the same lists are added, in the same order, to these resources. */
  private static List<String> names(PDResources resources, List<COSDictionary> lists) {
    List<String> names = new ArrayList<>();
    for (COSDictionary list : lists) {
      names.add(resources.add(PDPropertyList.create(list)).getName());
    }
    return names;
  }

  private static List<COSDictionary> someListsAddedTwiceEach() {
    List<COSDictionary> lists = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      COSDictionary list = new COSDictionary();
      list.setItem(COSName.TYPE, COSName.BACKGROUND);
      list.setItem(COSName.MCID, COSInteger.get(i));
      lists.add(list);
    }
    List<COSDictionary> twice = new ArrayList<>(lists);
    twice.addAll(lists.subList(10, 20));
    return twice;
  }

  @Test
  void listsAreNamedAsOnAPlainPageAndARepeatedListKeepsItsName() throws Exception {
    List<COSDictionary> lists = someListsAddedTwiceEach();
    try (PDDocument document = new PDDocument()) {
      PDPage indexed = PropertyLists.page(document, 595, 842);
      List<String> expected = names(new PDResources(), lists);
      assertEquals(expected, names(indexed.getResources(), lists));
      assertEquals("Prop11", names(indexed.getResources(), lists.subList(10, 11)).get(0));
    }
  }

  @Test
  void afterARemovalTheListsAreFoundByLookingThroughThem() throws Exception {
    PropertyLists lists = new PropertyLists();
    COSDictionary first = new COSDictionary();
    COSDictionary second = new COSDictionary();
    lists.setItem(COSName.getPDFName("Prop1"), first);
    lists.setItem(COSName.getPDFName("Prop2"), second);
    lists.setItem(COSName.getPDFName("Prop3"), first);
    assertEquals("Prop1", lists.getKeyForValue(first).getName());
    lists.removeItem(COSName.getPDFName("Prop1"));
    assertEquals("Prop3", lists.getKeyForValue(first).getName(), "the next name for the same list");
    assertTrue(lists.containsValue(second));
    lists.removeItem(COSName.getPDFName("Prop3"));
    assertFalse(lists.containsValue(first));
  }

  @Test
  void aPageOfTheRendererKeepsItsSizeAndJoinsTheDocument() throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDPage page = PropertyLists.page(document, 595.275f, 841.875f);
      assertSame(page.getCOSObject(), document.getPage(0).getCOSObject());
      assertEquals(595.275f, page.getMediaBox().getWidth());
      assertTrue(page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES) instanceof PropertyLists);
    }
  }
}
