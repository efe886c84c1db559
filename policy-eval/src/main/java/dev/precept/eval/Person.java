package dev.precept.eval;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The person an incident concerns: the roles they hold and attributes beyond their roles'. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutablePerson.class)
@JsonDeserialize(as = ImmutablePerson.class)
@JsonPropertyOrder({"roles", "attributes"})
public interface Person {
  /** A new builder of {@link Person}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Person}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePerson.Builder {
    Builder() {}
  }

  /** Ids of the roles held (a governor who also volunteers holds both). */
  List<String> roles();

  /** Attribute values for this person, overriding those their roles give. */
  Map<String, String> attributes();

  /** A person holding these roles. */
  static Person holding(String... roles) {
    return Person.builder().addRoles(roles).build();
  }
}
