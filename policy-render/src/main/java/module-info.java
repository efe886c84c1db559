/** Precept's renderer: the Board's document as HTML, Markdown and PDF (and PDF signing). */
@SuppressWarnings("module") // dev.precept.review is built after this module
module dev.precept.render {
  exports dev.precept.render;
  // The review pack is written with the same templates and escaping.
  exports dev.precept.render.internal to dev.precept.review;

  requires transitive dev.precept.model;
  requires transitive dev.precept.approval;
  requires org.apache.commons.text;
  requires org.apache.pdfbox;
  requires org.apache.fontbox;
  requires org.apache.pdfbox.io;
  requires openhtmltopdf.core;
  requires openhtmltopdf.pdfbox;
  requires velocity.engine.core;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires org.apache.poi.ooxml.schemas;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires java.desktop;
  requires java.xml;
  requires static transitive org.immutables.value.annotations;
}
