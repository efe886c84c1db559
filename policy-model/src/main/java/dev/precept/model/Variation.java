package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The variation points of a trust's master policy: the variables its text uses as
 * {@code {{academy.name}}}, the clauses an academy may tailor (every other clause is locked), and
 * who approves an academy's tailoring.
 *
 * <p>Variables are data: an {@link Overlay} sets them and Precept substitutes the values as plain
 * text, never through a template engine.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableVariation.class)
@JsonDeserialize(as = ImmutableVariation.class)
@JsonPropertyOrder({"variables", "tailorable", "localApproval"})
public interface Variation {
  /** A new builder of {@link Variation}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Variation}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableVariation.Builder {
    Builder() {}
  }

  /** The variables the text and metadata use. */
  List<Variable> variables();

  /** The clauses an academy may tailor, and how. */
  List<Tailorable> tailorable();

  /** Who approves an academy's tailoring, when the master says. */
  Optional<LocalApproval> localApproval();

  /** The variable with this id, if declared. */
  default Optional<Variable> variable(String id) {
    return variables().stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /** What an academy may do to the clause with this id; empty when the clause is locked. */
  default List<TailoringKind> allowed(String clauseId) {
    return tailorable().stream().filter(t -> t.clause().equals(clauseId)).findFirst()
        .map(Tailorable::allow).orElse(List.of());
  }

  /** A named value the master's text uses as {@code {{id}}}. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableVariable.class)
  @JsonDeserialize(as = ImmutableVariable.class)
  @JsonPropertyOrder({"id", "title", "example", "default"})
  interface Variable {
    /** A new builder of {@link Variable}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Variable}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableVariable.Builder {
      Builder() {}
    }

    /** The name inside the braces ({@code academy.name}). */
    String id();

    /** What it holds, for the clerk ("The academy's name"). */
    String title();

    /** An example value. */
    Optional<String> example();

    /** The value an overlay that does not set it gets; without one every overlay must set it. */
    @JsonProperty("default")
    Optional<String> defaultValue();
  }

  /** A clause an academy may tailor, and the tailorings allowed. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableTailorable.class)
  @JsonDeserialize(as = ImmutableTailorable.class)
  @JsonPropertyOrder({"clause", "allow", "guidance"})
  interface Tailorable {
    /** A new builder of {@link Tailorable}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Tailorable}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableTailorable.Builder {
      Builder() {}
    }

    /** The clause's id. */
    String clause();

    /** What an academy may do to it. */
    List<TailoringKind> allow();

    /** Guidance for academies tailoring it. */
    Optional<String> guidance();
  }

  /** The local governing body that approves an academy's tailoring, and the offices that sign for it. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableLocalApproval.class)
  @JsonDeserialize(as = ImmutableLocalApproval.class)
  @JsonPropertyOrder({"body", "signatories"})
  interface LocalApproval {
    /** A new builder of {@link LocalApproval}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link LocalApproval}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableLocalApproval.Builder {
      Builder() {}
    }

    /** The office id of the local governing body. */
    String body();

    /** The offices that sign an academy's tailoring, in order. */
    List<Signatory> signatories();
  }
}
