/** Precept's policy library: a trust's folder of master editions, academy overlays, their verified approvals, the edition in force and the register. */
module dev.precept.library {
  exports dev.precept.library;

  requires transitive dev.precept.model;
  requires transitive dev.precept.approval;
  requires static transitive org.immutables.value.annotations;

  opens dev.precept.library to com.fasterxml.jackson.databind;
}
