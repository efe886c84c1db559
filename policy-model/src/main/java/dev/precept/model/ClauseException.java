package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An exception to a clause: a permission from a named office (or from any, or all, of several) that excuses what would otherwise be
 * a breach ("without prior written or verbal permission from the CEO").
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableClauseException.class)
@JsonDeserialize(as = ImmutableClauseException.class)
@JsonPropertyOrder({"id", "text", "office", "offices", "acting", "timing", "forms", "when"})
public interface ClauseException {
  /** A new builder of {@link ClauseException}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClauseException}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableClauseException.Builder {
    Builder() {}
  }

  /** Stable id ({@code conduct.logo.ceo-permission}). */
  String id();

  /** The words of the exception as the clause gives them. */
  String text();

  /** The office whose permission excuses the breach, when one office is named. */
  java.util.Optional<String> office();

  /** Several offices whose permission excuses it: any one of them, or all jointly (see {@link #acting()}). */
  List<String> offices();

  /** Whether any one of {@link #offices()} suffices or all must give permission. */
  Optional<Acting> acting();

  /** Whether the offices named act together rather than any one of them. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default boolean jointly() {
    return acting().orElse(Acting.ANY) == Acting.JOINTLY;
  }

  /** Every office named, {@link #office()} first. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default List<String> authorities() {
    List<String> all = new java.util.ArrayList<>();
    office().ifPresent(all::add);
    offices().stream().filter(o -> !all.contains(o)).forEach(all::add);
    return List.copyOf(all);
  }

  /** When the permission must have been given. */
  PermissionTiming timing();

  /** The forms of permission that count; empty means any form. */
  List<PermissionForm> forms();

  /** Further conditions, all of which must hold ("in exceptional circumstances"). */
  List<Condition> when();
}
