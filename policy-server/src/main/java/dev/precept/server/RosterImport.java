package dev.precept.server;

import org.apiguardian.api.API;

import java.util.List;
import org.immutables.value.Value;

/**
 * What importing a roster CSV did (the roster becomes the file): people added, updated and removed
 * (marked as having left), and the rows refused (with their line).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface RosterImport {
  /** A new builder of {@link RosterImport}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RosterImport}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableRosterImport.Builder {
    Builder() {}
  }

  /** People new to the roster. */
  int added();

  /** People already on it whose details changed. */
  int updated();

  /** People on the roster but not in the file, now marked as having left (their acknowledgements are kept). */
  int removed();

  /** People already on it with nothing changed. */
  int unchanged();

  /** One sentence per row refused, naming its line; nothing is imported when any row is refused. */
  List<String> problems();

  /**
   * One sentence per role in the file that no policy in the library declares, naming its line and
   * the declared role it may be a typo of: such a role brings the person under no policy. The
   * roster is imported all the same (a role may come before the policy that declares it).
   */
  List<String> notices();
}
