package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a ruling finds for one clause. */
@API(status = API.Status.STABLE, since = "0.2")
public enum Outcome {
  /** The clause applies to the person in these circumstances and nothing excuses the conduct. */
  @JsonProperty("breached") BREACHED,
  /** It would be a breach, but an exception is met (a permission from the named office). */
  @JsonProperty("excused") EXCUSED,
  /** The clause does not apply: the person is out of its scope, a circumstance is absent, or it is not a rule. */
  @JsonProperty("not-applicable") NOT_APPLICABLE,
  /** Facts the incident does not give would decide it; the ruling names them. */
  @JsonProperty("undetermined") UNDETERMINED,
  /** The clause is a duty with order and time limits, and the incident shows every step kept. */
  @JsonProperty("complied") COMPLIED;

  /** The word used in YAML, JSON and text. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
