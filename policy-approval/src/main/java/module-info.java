/** Precept's approvals: signed records bound to a policy's digest, keyrings, and verification as data. */
module dev.precept.approval {
  exports dev.precept.approval;

  requires transitive dev.precept.model;
  requires com.webauthn4j.core;
  requires static transitive org.immutables.value.annotations;

  opens dev.precept.approval to com.fasterxml.jackson.databind;
}
