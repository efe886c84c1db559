package dev.precept.review;

import java.util.List;
import org.apiguardian.api.API;
import org.immutables.value.Value;

/**
 * The decision log's rulings of a period re-ruled under the edition put to the Board: how many were
 * replayed and which would change: "of the 340 rulings logged in the last year, 12 would change".
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface LogReplay {
  /** A new builder of {@link LogReplay}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LogReplay}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableLogReplay.Builder {
    Builder() {}
  }

  /** When the rulings were logged, as the pack says it after "logged": "in the last year (since 2025-11-25)". */
  String period();

  /** How many logged rulings of the policy were re-ruled. */
  int replayed();

  /** The rulings that would change (or could not be ruled under the draft), in log order. */
  List<ReplayedRuling> changes();
}
