package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.precept.model.internal.OverlayMerge;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One academy's overlay on a trust's master policy: which master edition it was written against,
 * the values of the master's variables, and the clauses it tailors (only those the master allows).
 *
 * <p>Read one with {@link OverlayLoader}; {@link #applyTo(Policy)} gives the academy's policy, an
 * ordinary {@link Policy} with its own digest. Problems are reported where the overlay file says
 * the thing at fault.
 *
 * <pre>{@code
 * Overlay overlay = OverlayLoader.standard().load(Path.of("penrose/social-media.overlay.yaml"));
 * Policy master = PolicyLoader.standard().load(Path.of("masters/social-media-policy-2017.yaml"));
 * Policy penrose = overlay.applyTo(master);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableOverlay.class)
@JsonDeserialize(as = ImmutableOverlay.class)
@JsonPropertyOrder({"overlayVersion", "academy", "master", "variables", "tailoring"})
public interface Overlay {
  /** A new builder of {@link Overlay}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Overlay}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableOverlay.Builder {
    Builder() {}
  }

  /** The format version of the overlay file. */
  int overlayVersion();

  /** The academy's name ("Penrose Academy"). */
  String academy();

  /** The master policy and the edition the overlay was written against. */
  MasterReference master();

  /** The values of the master's variables, by variable id. */
  Map<String, String> variables();

  /** The academy's tailorings of the master's clauses, in the order written. */
  List<Tailoring> tailoring();

  /** The document the overlay was read from, for locating problems; absent for one built in code. */
  @JsonIgnore
  @Value.Auxiliary
  Optional<LocatedDocument> document();

  /** The master policy, by id and edition. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableMasterReference.class)
  @JsonDeserialize(as = ImmutableMasterReference.class)
  @JsonPropertyOrder({"policy", "edition"})
  interface MasterReference {
    /** A new builder of {@link MasterReference}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link MasterReference}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableMasterReference.Builder {
      Builder() {}
    }

    /** The master policy's id. */
    String policy();

    /** The master edition's version. */
    String edition();
  }

  /**
   * The academy's policy: the master with the variables substituted as plain text and the
   * tailorings applied, each tailored clause marked with its {@link ClauseOrigin}. The master may
   * be the edition the overlay names or a later one.
   *
   * @throws PolicyValidationException listing every problem, located in the overlay file
   */
  default Policy applyTo(Policy master) {
    return OverlayMerge.merge(this, master, Optional.empty());
  }

  /**
   * As {@link #applyTo(Policy)}, knowing the edition the overlay was written against, so that a
   * tailoring of a clause the later master removed is reported as such.
   *
   * @throws PolicyValidationException listing every problem, located in the overlay file
   */
  default Policy applyTo(Policy master, Policy writtenAgainst) {
    return OverlayMerge.merge(this, master, Optional.of(writtenAgainst));
  }

  /**
   * The edition this overlay names, among a master's editions.
   *
   * @throws PolicyValidationException located at the overlay's {@code master} when no edition of
   *     that policy has that version
   */
  default Policy namedEdition(Collection<Policy> editions) {
    return OverlayMerge.namedEdition(this, editions);
  }

  /**
   * The tailorings whose master clause changed between the edition the overlay was written against
   * and a later one: each a problem located at the tailoring, saying what changed. Empty when the
   * overlay still applies as its local governing body approved it.
   */
  default List<Diagnostic> changedUnderneath(Policy writtenAgainst, Policy current) {
    return OverlayMerge.changedUnderneath(this, writtenAgainst, current);
  }

  /**
   * The digest of what the academy's local governing body approves: the variables, the tailorings
   * and the master's text of each clause tailored. A new master edition that leaves those clauses
   * alone keeps it, so it voids no local approval; one that changes a tailored clause changes it.
   */
  default PolicyDigest tailoringDigest(Policy master) {
    return OverlayMerge.tailoringDigest(this, master);
  }

  /** A problem located at a JSON pointer of the overlay file (or named only by academy when built in code). */
  default Diagnostic problem(String pointer, String message, String hint) {
    return document().map(d -> d.diagnostic(Diagnostic.INCONSISTENT, pointer, message, hint))
        .orElseGet(() -> Diagnostic.builder().code(Diagnostic.INCONSISTENT).source("overlay for " + academy()).line(0).column(0)
            .pointer(pointer).message(message).hint(Optional.ofNullable(hint)).build());
  }
}
