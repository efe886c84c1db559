package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** One exception of a clause as it bears on an incident: met or not, and why. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableExceptionRuling.class)
@JsonDeserialize(as = ImmutableExceptionRuling.class)
@JsonPropertyOrder({"id", "result", "reason", "text", "permissions", "conditions"})
public interface ExceptionRuling {
  /** A new builder of {@link ExceptionRuling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ExceptionRuling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableExceptionRuling.Builder {
    Builder() {}
  }

  /** Whether the exception was met. */
  enum Result {
    /** The permission (and any conditions) it needs are recorded: it excuses the conduct. */
    @JsonProperty("met") MET,
    /** It is not met, for the reason given. */
    @JsonProperty("not-met") NOT_MET,
    /** The permission is recorded but facts it also needs are not. */
    @JsonProperty("undetermined") UNDETERMINED
  }

  /** The exception's id. */
  String id();

  /** Met, not met or undetermined. */
  Result result();

  /** Why, in a sentence. */
  String reason();

  /** The exception's words. */
  String text();

  /** The permissions that met it (several when offices act jointly); the ruling names who acted. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<Permission> permissions();

  /** Its further conditions, checked. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<ConditionCheck> conditions();
}
