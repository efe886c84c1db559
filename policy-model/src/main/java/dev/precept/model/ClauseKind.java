package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a clause does: states a principle, sets an aim or scope, forbids, obliges or advises. */
@API(status = API.Status.STABLE, since = "0.1")
public enum ClauseKind {
  /** A value the policy rests on ("should ensure they conduct themselves..."). */
  @JsonProperty("principle") PRINCIPLE,
  /** What the policy sets out to achieve. */
  @JsonProperty("aim") AIM,
  /** Where and when the policy applies ("relates to the use ... outside working hours"). */
  @JsonProperty("scope") SCOPE,
  /** Something not permitted ("not considered acceptable"). */
  @JsonProperty("prohibition") PROHIBITION,
  /** Something that must be done, or must not be done. */
  @JsonProperty("obligation") OBLIGATION,
  /** Advice ("are advised to"): guidance, not a rule that can be breached on its own. */
  @JsonProperty("advisory") ADVISORY,
  /** Connecting text, such as the lead-in to a list. */
  @JsonProperty("statement") STATEMENT,
  /** How the policy is enforced: investigation and consequences. */
  @JsonProperty("procedure") PROCEDURE;

  /** The word used for this kind in YAML. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a clause of this kind is a rule that a person's conduct can breach. */
  public boolean isRule() {
    return this == PROHIBITION || this == OBLIGATION;
  }
}
