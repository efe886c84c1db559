package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A named group of roles the policy's text relies on ("anyone working in the Trust"). */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableGroup.class)
@JsonDeserialize(as = ImmutableGroup.class)
@JsonPropertyOrder({"id", "title", "description", "memberOf"})
public interface Group {
  /** A new builder of {@link Group}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Group}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableGroup.Builder {
    Builder() {}
  }

  /** Stable id cited by clauses and consequences ({@code employees}). */
  String id();

  /** The phrase the policy uses for the group ("employees of the Trust"). */
  String title();

  /** Who is in the group and why. */
  Optional<String> description();

  /** Ids of wider groups this group belongs to. */
  List<String> memberOf();
}
