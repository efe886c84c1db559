package dev.precept.eval;

import org.apiguardian.api.API;

import dev.precept.model.Modality;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One case of a policy's tests: an incident and the ruling it is expected to get. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface PolicyCase {
  /** A new builder of {@link PolicyCase}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PolicyCase}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePolicyCase.Builder {
    Builder() {}
  }

  /** What the case shows, as a sentence. */
  String name();

  /** Where the case is written, {@code file:line}. */
  String location();

  /** The incident. */
  Incident incident();

  /** The expected outcome per clause id; clauses not listed are not checked. */
  Map<String, Outcome> expectedClauses();

  /** Exactly the consequences expected, in order, when the case says. */
  Optional<List<Expected>> expectedConsequences();

  /** Exactly the clauses expected to be unspecified for this person, when the case says. */
  Optional<List<String>> expectedUnspecified();

  /** Phrases the ruling's text for people must contain. */
  List<String> expectedPhrases();

  /** Phrases the ruling's diagnostics must contain, when the case expects diagnostics; else none may occur. */
  Optional<List<String>> expectedDiagnostics();

  /** An expected consequence: its id, modality and status. */
  @Value.Immutable
  interface Expected {
    /** A new builder of {@link Expected}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Expected}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableExpected.Builder {
      Builder() {}
    }

    /** The consequence id. */
    @Value.Parameter
    String id();

    /** Must or may. */
    @Value.Parameter
    Modality modality();

    /** Applies now, or conditional on a later finding. */
    @Value.Parameter
    ConsequenceRuling.Status status();

    /** The form used in diffs: {@code id (must, applies)}. */
    default String describe() {
      return id() + " (" + modality().word() + ", " + status().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
  }
}
