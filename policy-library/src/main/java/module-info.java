/** Precept's policy library: a trust's folder of editions, their verified approvals and the edition in force. */
module dev.precept.library {
  exports dev.precept.library;

  requires transitive dev.precept.model;
  requires transitive dev.precept.approval;
  requires static transitive org.immutables.value.annotations;
}
