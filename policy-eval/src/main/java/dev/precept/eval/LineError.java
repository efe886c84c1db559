package dev.precept.eval;

import org.apiguardian.api.API;

import dev.precept.model.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A line of a batch that could not be ruled on, with every problem found in it; each problem's
 * line is the line's number in the input and its column a column in that line.
 */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
public interface LineError {
  /** A new builder of {@link LineError}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LineError}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableLineError.Builder {
    Builder() {}
  }

  /** The 1-based line number in the input. */
  long line();

  /** What is wrong with the line, in reading order. */
  List<Diagnostic> problems();

  /** The problems in compiler form, one after another ({@code incidents.jsonl:12:7: error: ...}). */
  default String describe() {
    return problems().stream().map(Diagnostic::describe).collect(Collectors.joining(System.lineSeparator()));
  }
}
