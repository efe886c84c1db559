package dev.precept.review;

import java.util.List;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/** One logged ruling the edition under review would change: the decision, and each difference in a sentence. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ReplayedRuling {
  /** A new builder of {@link ReplayedRuling}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplayedRuling}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableReplayedRuling.Builder {
    Builder() {}
  }

  /** The logged decision's id. */
  String decisionId();

  /** When it was made (UTC). */
  String recordedAt();

  /** The edition it was made under. */
  String editionVersion();

  /** What changes: {@code clause conduct.logo: breached -> excused}, or why it cannot be ruled under the draft. */
  List<String> differences();
}
