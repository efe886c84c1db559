/** Precept's policy model: immutable values, safe YAML loading, the JSON Schema, validation and the canonical digest. */
@SuppressWarnings("module") // the qualified export names a module built after this one
module dev.precept.model {
  exports dev.precept.model;
  // The vocabulary checks, shared with the evaluator's check of incidents; not API.
  exports dev.precept.model.internal to dev.precept.eval;

  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.networknt.schema;
  requires org.apache.commons.text;
  requires org.yaml.snakeyaml;
  requires java.json.canonicalization;
  requires static transitive org.immutables.value.annotations;
  requires transitive org.apiguardian.api;

  opens dev.precept.model to com.fasterxml.jackson.databind;
}
