package dev.precept.eval;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.precept.model.PermissionForm;
import java.util.Optional;
import org.immutables.value.Value;

/** A permission the person held: from which office, given before or after the act, in what form. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutablePermission.class)
@JsonDeserialize(as = ImmutablePermission.class)
@JsonPropertyOrder({"office", "given", "form", "clause"})
public interface Permission {
  /** A new builder of {@link Permission}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Permission}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePermission.Builder {
    Builder() {}
  }

  /** When a permission was given, relative to the act. */
  enum Given {
    /**
     * Before the act: {@code given: prior}, the word the policy's exceptions use
     * ({@code timing: prior}); the older {@code given: before} is still read, with a warning.
     */
    @JsonProperty("prior") @com.fasterxml.jackson.annotation.JsonAlias("before") BEFORE,
    /** After the act (retrospectively). */
    @JsonProperty("after") AFTER;

    /** The word used in YAML: {@code prior} or {@code after}. */
    public String word() {
      return this == BEFORE ? "prior" : "after";
    }
  }

  /** The id of the office that gave it. */
  String office();

  /** Whether it was given before or after the act. */
  Given given();

  /** Whether it was written or verbal. */
  PermissionForm form();

  /** The clause it was given for; absent means the act the incident describes. */
  Optional<String> clause();

  /** A short description for explanations: "written permission from ceo, given before". */
  default String describe() {
    return form().word() + " permission from " + office() + ", given " + (given() == Given.BEFORE ? "before" : "after") + " the act";
  }
}
