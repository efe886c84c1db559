package dev.precept.server;

import org.apiguardian.api.API;

import java.util.List;
import org.immutables.value.Value;

/** One logged ruling that the draft would change: which decision, and each difference in a sentence. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ReplayChange {
  /** A new builder of {@link ReplayChange}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplayChange}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableReplayChange.Builder {
    Builder() {}
  }

  /** The logged decision. */
  String decisionId();

  /** When it was made. */
  String recordedAt();

  /** The edition it was made under. */
  String editionVersion();

  /** What changes: {@code clause conduct.logo: breached -> excused}, or why it cannot be ruled under the draft. */
  List<String> differences();
}
