package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A role a person holds that the policy concerns, such as staff, pupil or volunteer. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableRole.class)
@JsonDeserialize(as = ImmutableRole.class)
@JsonPropertyOrder({"id", "title", "description", "memberOf", "attributes"})
public interface Role {
  /** A new builder of {@link Role}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Role}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRole.Builder {
    Builder() {}
  }

  /** Stable id cited by clauses and incidents ({@code volunteer}). */
  String id();

  /** The name used in the document ("Volunteers"). */
  String title();

  /** What the role covers, for hover help and the reference. */
  Optional<String> description();

  /** Ids of the groups this role belongs to directly. */
  List<String> memberOf();

  /** Attribute values every holder of this role has, keyed by attribute id. */
  Map<String, String> attributes();
}
