package dev.precept.library;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.precept.model.PreceptStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of a trust's register: a policy as the trust holds it (its master) or as one academy
 * holds it (the master with the academy's overlay), on the register's date.
 */
@Value.Immutable
@PreceptStyle
@JsonSerialize(as = ImmutableRegisterEntry.class)
@JsonPropertyOrder({"policy", "title", "academy", "state", "edition", "status", "approvedBy", "approvedOn",
    "reviewCycle", "nextReview", "overdue", "tailored", "variablesSet", "attention", "file"})
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface RegisterEntry {
  /** A new builder of {@link RegisterEntry}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RegisterEntry}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRegisterEntry.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** The policy's title. */
  String title();

  /** The academy, for an academy's line; empty for the trust's master. */
  Optional<String> academy();

  /** How the line stands, worst first when several apply. */
  RegisterState state();

  /** The edition in force (for an academy, the master edition its document is made from). */
  Optional<String> edition();

  /** Where it stands, in words: "approved, in force", "draft 2017.1 awaiting approval". */
  String status();

  /** Who approved what is in force, and when: "Chief Executive Officer Ann Smith on 2016-10-20". */
  List<String> approvedBy();

  /** When the last approval needed was given. */
  Optional<LocalDate> approvedOn();

  /** The review cycle the policy declares, ISO-8601 ({@code P1Y}). */
  String reviewCycle();

  /** When the next review is due. */
  Optional<LocalDate> nextReview();

  /** Whether the review is overdue on the register's date. */
  boolean overdue();

  /** For an academy: the clauses it tailors, as "replace conduct.report-concerns". */
  List<String> tailored();

  /** For an academy: the variables its overlay sets. */
  List<String> variablesSet();

  /** What needs someone's attention: an overlay that no longer applies, a tailored clause changed underneath, a missing local approval. */
  List<String> attention();

  /** The file the line was read from (the master edition, or the academy's overlay). */
  String file();
}
