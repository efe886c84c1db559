package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.model.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.immutables.value.Value;

/** A file in the library that could not be used, and why: the library still opens without it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface LoadProblem {
  /** A new builder of {@link LoadProblem}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LoadProblem}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableLoadProblem.Builder {
    Builder() {}
  }

  /** The file. */
  Path file();

  /** What is wrong, in a sentence. */
  String message();

  /** Each located problem in it (file, line, column, JSON pointer), when the file was read that far. */
  List<Diagnostic> problems();
}
