/** Precept's evaluator: incidents, role-aware rulings with their reasons as data, cases and checks. */
module dev.precept.eval {
  exports dev.precept.eval;

  requires transitive dev.precept.model;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires io.github.javadiffutils;
  requires static transitive org.immutables.value.annotations;
  requires transitive org.apiguardian.api;

  opens dev.precept.eval to com.fasterxml.jackson.databind;
}
