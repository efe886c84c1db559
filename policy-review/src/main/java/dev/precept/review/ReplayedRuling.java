package dev.precept.review;

import java.util.List;
import org.immutables.value.Value;

/** One logged ruling the edition under review would change: the decision, and each difference in a sentence. */
@Value.Immutable
public interface ReplayedRuling {
  /** The logged decision's id. */
  String decisionId();

  /** When it was made (UTC). */
  String recordedAt();

  /** The edition it was made under. */
  String editionVersion();

  /** What changes: {@code clause conduct.logo: breached -> excused}, or why it cannot be ruled under the draft. */
  List<String> differences();

  /** A builder. */
  static ImmutableReplayedRuling.Builder builder() {
    return ImmutableReplayedRuling.builder();
  }
}
