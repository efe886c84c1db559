package dev.precept.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One thing wrong in a file: where it is (file, line, column, JSON pointer), what is wrong and,
 * where it helps, what would be valid.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableProblem.class)
@JsonDeserialize(as = ImmutableProblem.class)
@JsonPropertyOrder({"source", "line", "column", "pointer", "message", "hint"})
public interface Problem {
  /** Orders problems as a reader meets them: by file, line, column, then pointer and message. */
  Comparator<Problem> IN_READING_ORDER = Comparator.comparing(Problem::source)
      .thenComparingInt(Problem::line)
      .thenComparingInt(Problem::column)
      .thenComparing(Problem::pointer)
      .thenComparing(Problem::message);

  /** The file (or other source name) the problem is in. */
  String source();

  /** The 1-based line, or 0 when the problem concerns the whole file. */
  int line();

  /** The 1-based column, or 0 when the problem concerns the whole file. */
  int column();

  /** The JSON pointer of the value at fault ({@code ""} for the whole document). */
  String pointer();

  /** What is wrong, naming the thing and the bad value. */
  String message();

  /** What would be valid, when we can tell. */
  Optional<String> hint();

  /**
   * The problem in compiler form, {@code FILE:LINE:COLUMN: error: message (at POINTER)}, with the
   * hint on a second, indented line.
   */
  default String describe() {
    StringBuilder out = new StringBuilder();
    out.append(source());
    if (line() > 0) {
      out.append(':').append(line()).append(':').append(column());
    }
    out.append(": error: ").append(message());
    out.append(String.format(Locale.ROOT, " (at %s)", pointer().isEmpty() ? "/" : pointer()));
    hint().ifPresent(h -> out.append(System.lineSeparator()).append("    hint: ").append(h));
    return out.toString();
  }
}
