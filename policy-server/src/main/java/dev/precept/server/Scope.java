package dev.precept.server;

import org.apiguardian.api.API;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do; {@link #ADMIN} may do everything. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Scope {
  /** Ask for rulings ({@code POST /v1/policies/{id}/rulings}). */
  RULE,
  /** Record acknowledgements ({@code POST /v1/acknowledgements}). */
  ACKNOWLEDGE,
  /** Read policies, decisions, status, reports and metrics. */
  READ,
  /** Everything, including the roster. */
  ADMIN;

  /** The word used on the command line and in responses. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope this word names. */
  public static Optional<Scope> of(String word) {
    for (Scope s : values()) {
      if (s.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
