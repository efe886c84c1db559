package dev.precept.model;

import java.util.List;
import java.util.stream.Collectors;

/** A file could not be accepted; carries every problem found in it, not just the first. */
public class PolicyValidationException extends PolicyException {
  private final transient List<Problem> problems;

  /** An exception listing these problems (at least one). */
  public PolicyValidationException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in reading order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one problem");
    }
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return count + ":" + System.lineSeparator()
        + problems.stream().map(Problem::describe).collect(Collectors.joining(System.lineSeparator()));
  }
}
