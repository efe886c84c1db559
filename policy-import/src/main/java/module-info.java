/** Precept's importer: an existing policy in Word, Markdown or text to a YAML skeleton for review. */
module dev.precept.importer {
  exports dev.precept.importer;

  requires transitive dev.precept.model;
  requires java.xml;
  requires org.apache.poi.poi;
  requires org.apache.poi.ooxml;
  requires org.apache.poi.ooxml.schemas;
  requires org.commonmark;
  requires org.yaml.snakeyaml;
  requires static transitive org.immutables.value.annotations;
}
