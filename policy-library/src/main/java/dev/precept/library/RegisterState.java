package dev.precept.library;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a line of the register stands; the register page colours each cell by it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum RegisterState {
  /** Approved, in force, review not yet due. */
  IN_FORCE,
  /** In force, and its review falls due within the register's window. */
  DUE,
  /** Nothing approved yet (a first draft awaiting approval, or a tailoring awaiting local approval). */
  AWAITING_APPROVAL,
  /** Needs attention: an overlay that no longer applies or a tailored clause changed underneath. */
  ATTENTION,
  /** Its review is overdue. */
  OVERDUE;

  /** The word used in text and JSON: {@code in-force}, {@code overdue}... */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether a register with this line should fail a CI gate. */
  public boolean needsAction() {
    return this == ATTENTION || this == OVERDUE;
  }
}
