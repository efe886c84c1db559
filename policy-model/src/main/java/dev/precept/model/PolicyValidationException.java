package dev.precept.model;

import org.apiguardian.api.API;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A file, or a value built in Java, could not be accepted; carries every {@link Diagnostic} found
 * in it, not just the first.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class PolicyValidationException extends PolicyException {
  private final transient List<Diagnostic> diagnostics;

  /**
   * An exception listing these diagnostics.
   *
   * @throws IllegalArgumentException when the list is empty
   */
  public PolicyValidationException(List<Diagnostic> diagnostics) {
    super(summary(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic found, in reading order (warnings too, when errors came with them). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one diagnostic");
    }
    String count = diagnostics.size() == 1 ? "1 problem" : diagnostics.size() + " problems";
    return count + ":" + System.lineSeparator()
        + diagnostics.stream().map(Diagnostic::describe).collect(Collectors.joining(System.lineSeparator()));
  }
}
