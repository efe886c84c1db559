package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a policy says about an incident: an outcome per clause, the consequences in the policy's
 * order with must kept apart from may, where the policy is silent, and why. A pure function of
 * (policy, incident); it cites the policy's id, version and digest.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableRuling.class)
@JsonDeserialize(as = ImmutableRuling.class)
@JsonPropertyOrder({"policy", "version", "digest", "incident", "person", "deemed", "clauses", "consequences",
    "unspecified", "silences", "noSanctionStated", "diagnostics"})
@API(status = API.Status.STABLE, since = "0.2")
public interface Ruling {
  /** A new builder of {@link Ruling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Ruling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRuling.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** The edition ruled under. */
  String version();

  /** The digest of the policy ruled under, {@code sha256:...}. */
  String digest();

  /** The incident's id. */
  String incident();

  /** The person's roles and the groups they are in, with the path to each. */
  List<Membership> person();

  /** An outcome for every clause the incident concerns, in document order. */
  List<ClauseRuling> clauses();

  /** The consequences that follow or may follow, in the policy's order. */
  List<ConsequenceRuling> consequences();

  /**
   * Breached (or undetermined) clauses for which the policy gives this person no consequence at
   * all: the policy is silent, and no consequence is borrowed from another role.
   */
  List<String> unspecified();

  /** Facts deemed by the policy's deeming rules, with the clause and the reason. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<DeemedFact> deemed();

  /** For unspecified clauses the policy is deliberately silent on: the declared silence and its reason. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<DeclaredSilence> silences();

  /** Breached clauses for which this policy states only referrals (no sanction of its own) for this person. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> noSanctionStated();

  /** Problems met while ruling (an unknown role, fact or clause in a hand-built incident). */
  List<String> diagnostics();

  /** The ruling for one clause, if the incident concerns it. */
  default Optional<ClauseRuling> clause(String clauseId) {
    return clauses().stream().filter(c -> c.clause().equals(clauseId)).findFirst();
  }

  /** The ruling for one consequence, if it bears on the incident. */
  default Optional<ConsequenceRuling> consequence(String consequenceId) {
    return consequences().stream().filter(c -> c.consequence().equals(consequenceId)).findFirst();
  }

  /** Whether any clause was breached. */
  @JsonIgnore
  default boolean anyBreach() {
    return clauses().stream().anyMatch(c -> c.outcome() == Outcome.BREACHED);
  }

  /** A fact the policy deemed: its value, the clause that deems it and why. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDeemedFact.class)
  @JsonDeserialize(as = ImmutableDeemedFact.class)
  @JsonPropertyOrder({"fact", "value", "clause", "because", "recorded"})
  interface DeemedFact {
    /** A new builder of {@link DeemedFact}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DeemedFact}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableDeemedFact.Builder {
      Builder() {}
    }

    /** The fact. */
    String fact();

    /** The value deemed. */
    String value();

    /** The clause whose deeming rule set it. */
    String clause();

    /** The condition that held, in words. */
    String because();

    /** The different value the incident recorded, which the deemed value overrides. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    Optional<String> recorded();
  }

  /** A declared silence that covers an unspecified clause. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableDeclaredSilence.class)
  @JsonDeserialize(as = ImmutableDeclaredSilence.class)
  @JsonPropertyOrder({"clause", "silence", "reason"})
  interface DeclaredSilence {
    /** A new builder of {@link DeclaredSilence}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DeclaredSilence}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableDeclaredSilence.Builder {
      Builder() {}
    }

    /** The unspecified clause. */
    String clause();

    /** The silence's id. */
    String silence();

    /** Why the policy gives no consequence. */
    String reason();
  }

  /** A group (or role) the person belongs to and the path that puts them there. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableMembership.class)
  @JsonDeserialize(as = ImmutableMembership.class)
  @JsonPropertyOrder({"id", "path"})
  interface Membership {
    /** A new builder of {@link Membership}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Membership}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableMembership.Builder {
      Builder() {}
    }

    /** A membership of the role or group {@code id}, reached along {@code path}. */
    static Membership of(String id, List<String> path) {
      return ImmutableMembership.of(id, path);
    }

    /** The role or group id. */
    @Value.Parameter
    String id();

    /** From a held role to this group, e.g. [volunteer, working-in-trust, individuals]. */
    @Value.Parameter
    List<String> path();
  }
}
