package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * An exception to a clause: a permission from a named office that excuses what would otherwise be
 * a breach ("without prior written or verbal permission from the CEO").
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableClauseException.class)
@JsonDeserialize(as = ImmutableClauseException.class)
@JsonPropertyOrder({"id", "text", "office", "timing", "forms", "when"})
public interface ClauseException {
  /** Stable id ({@code conduct.logo.ceo-permission}). */
  String id();

  /** The words of the exception as the clause gives them. */
  String text();

  /** The office whose permission excuses the breach. */
  String office();

  /** When the permission must have been given. */
  PermissionTiming timing();

  /** The forms of permission that count; empty means any form. */
  List<PermissionForm> forms();

  /** Further conditions, all of which must hold ("in exceptional circumstances"). */
  List<Condition> when();
}
