package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.immutables.value.Value;

/**
 * One edition of a governance policy: its metadata, the people it concerns, its clauses and the
 * consequences of breaching them.
 *
 * <p>Obtain one from {@link PolicyLoader}; a policy built by hand with {@link Policy#builder()}
 * is structurally complete but has not been through semantic validation.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutablePolicy.class)
@JsonDeserialize(as = ImmutablePolicy.class)
@JsonPropertyOrder({"schemaVersion", "id", "metadata", "roles", "groups", "offices", "attributes",
    "facts", "breachCategories", "instruments", "sections", "appendices", "consequences", "silent", "variation", "derivedFrom"})
public interface Policy {
  /** A new builder of {@link Policy}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Policy}: set its parts, then {@code build()}. */
  final class Builder extends ImmutablePolicy.Builder {
    Builder() {}
  }

  /** The format version of the YAML this policy was written in. */
  int schemaVersion();

  /** A stable identifier for the policy across editions, e.g. {@code cat-social-media}. */
  String id();

  /** Title, edition, status, dates, approving body, signatories and revision history. */
  Metadata metadata();

  /** The roles people hold that the policy concerns (staff, pupils, volunteers...). */
  List<Role> roles();

  /** Groups of roles the text relies on ("employees of the Trust"). */
  List<Group> groups();

  /** Offices that act under the policy (CEO, Safeguarding Team, Board). */
  List<Office> offices();

  /** Attributes a person can have, declared so incidents can be checked. */
  List<Attribute> attributes();

  /** Circumstances the policy depends on, declared with their type. */
  List<Fact> facts();

  /** Categories that breachable clauses belong to and consequences answer to. */
  List<BreachCategory> breachCategories();

  /** Other instruments the policy refers to (Disciplinary Procedure...). */
  List<Instrument> instruments();

  /** The sections of the document, in order. */
  List<Section> sections();

  /**
   * Appendices printed after the sections, lettered A, B... with their own paragraph numbers
   * (A.1, A.2); their clauses are clauses of the policy like any other.
   */
  List<Section> appendices();

  /** The consequences of a breach, in the order the policy gives them. */
  List<Consequence> consequences();

  /** For a trust's master policy: its variables and the clauses an academy may tailor. */
  Optional<Variation> variation();

  /** For an academy's policy made from a master and an {@link Overlay}: where it came from. */
  Optional<Derivation> derivedFrom();

  /** Where the policy deliberately gives no consequence, with the reason. */
  List<Silence> silent();

  /** The paragraph numbers of the document, for citing clauses to people ("paragraph 3.4"). */
  @JsonIgnore
  @Value.Lazy
  default Numbering numbering() {
    return Numbering.of(this);
  }

  /** Every clause in document order (sections, then appendices), list items following their lead-in clause. */
  @JsonIgnore
  @Value.Lazy
  default List<Clause> allClauses() {
    List<Clause> all = new ArrayList<>();
    for (Section section : sectionsAndAppendices()) {
      for (Clause clause : section.clauses()) {
        all.add(clause);
        all.addAll(clause.items());
      }
    }
    return Collections.unmodifiableList(all);
  }

  /** The lead-in clause of a list item, if the clause with this id is one. */
  default Optional<Clause> leadInOf(String clauseId) {
    for (Section section : sectionsAndAppendices()) {
      for (Clause clause : section.clauses()) {
        if (clause.items().stream().anyMatch(i -> i.id().equals(clauseId))) {
          return Optional.of(clause);
        }
      }
    }
    return Optional.empty();
  }

  /** The sections, then the appendices: everything the document numbers, in order. */
  @JsonIgnore
  default List<Section> sectionsAndAppendices() {
    List<Section> all = new ArrayList<>(sections());
    all.addAll(appendices());
    return Collections.unmodifiableList(all);
  }

  /** The clause with this id, if the policy has one. */
  default Optional<Clause> clause(String clauseId) {
    return allClauses().stream().filter(c -> c.id().equals(clauseId)).findFirst();
  }

  /** The section holding the clause with this id, if any. */
  default Optional<Section> sectionOf(String clauseId) {
    return sectionsAndAppendices().stream()
        .filter(s -> s.clauses().stream()
            .flatMap(c -> Stream.concat(Stream.of(c), c.items().stream()))
            .anyMatch(c -> c.id().equals(clauseId)))
        .findFirst();
  }

  /** The office with this id, if declared. */
  default Optional<Office> office(String officeId) {
    return offices().stream().filter(o -> o.id().equals(officeId)).findFirst();
  }

  /** The role with this id, if declared. */
  default Optional<Role> role(String roleId) {
    return roles().stream().filter(r -> r.id().equals(roleId)).findFirst();
  }

  /** The group with this id, if declared. */
  default Optional<Group> group(String groupId) {
    return groups().stream().filter(g -> g.id().equals(groupId)).findFirst();
  }

  /** The fact with this id, if declared. */
  default Optional<Fact> fact(String factId) {
    return facts().stream().filter(f -> f.id().equals(factId)).findFirst();
  }

  /** The instrument with this id, if declared. */
  default Optional<Instrument> instrument(String instrumentId) {
    return instruments().stream().filter(i -> i.id().equals(instrumentId)).findFirst();
  }

  /** The breach category with this id, if declared. */
  default Optional<BreachCategory> breachCategory(String categoryId) {
    return breachCategories().stream().filter(b -> b.id().equals(categoryId)).findFirst();
  }
}
