package dev.precept.server;

import org.apiguardian.api.API;

import java.util.List;
import org.immutables.value.Value;

/** Logged rulings of a policy re-ruled under a draft edition: how many were replayed and which would change. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface ReplayReport {
  /** A new builder of {@link ReplayReport}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReplayReport}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableReplayReport.Builder {
    Builder() {}
  }

  /** The policy. */
  String policy();

  /** The draft's version. */
  String version();

  /** How many logged rulings of the policy were replayed. */
  int replayed();

  /** The rulings that would change (or could not be ruled under the draft), in log order. */
  List<ReplayChange> changes();
}
