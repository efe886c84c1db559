/** Precept's review: edition comparison, redlines, the rulings that change, and the Board's pack. */
module dev.precept.review {
  exports dev.precept.review;

  requires transitive dev.precept.model;
  requires transitive dev.precept.eval;
  requires transitive dev.precept.render;
  requires io.github.javadiffutils;
  requires static transitive org.immutables.value.annotations;

  opens dev.precept.review to com.fasterxml.jackson.databind;
}
