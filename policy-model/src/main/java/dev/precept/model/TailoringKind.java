package dev.precept.model;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an academy may do to a master's clause: replace its text, add a clause after it, or remove it. */
@API(status = API.Status.STABLE, since = "0.2")
public enum TailoringKind {
  /** Replace the clause's text with the academy's own. */
  REPLACE,
  /** Add a clause of the academy's own after it. */
  ADD_AFTER,
  /** Leave the clause out of the academy's policy. */
  REMOVE;

  /** The word the YAML uses: {@code replace}, {@code add-after}, {@code remove}. */
  @JsonValue
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind a YAML word names. */
  @JsonCreator
  public static TailoringKind fromWord(String word) {
    for (TailoringKind kind : values()) {
      if (kind.word().equals(word)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("not a tailoring: '" + word + "' (replace, add-after or remove)");
  }
}
