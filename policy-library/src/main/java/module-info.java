/** A trust's library of policies: editions, their approval, the edition in force on a date. */
module dev.precept.library {
  requires transitive policy.model;
  requires policy.render;
  requires static org.immutables.value.annotations;

  exports dev.precept.library;
}
