package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How several named offices act: any one of them, or all of them together. */
@API(status = API.Status.STABLE, since = "0.2")
public enum Acting {
  /** Any one of the offices may act ("a deputy chief executive or a service lead"). */
  @JsonProperty("any") ANY,
  /** The offices act together ("the headteacher and the governing body"). */
  @JsonProperty("jointly") JOINTLY;

  /** The word used in YAML. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
