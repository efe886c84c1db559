package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a command's input files, with usage errors for files that are not there. */
final class Inputs {
  private Inputs() {}

  static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new Precept.UsageException(file + ": no such file");
    }
    return file;
  }

  static Path folder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new Precept.UsageException(folder + ": no such folder");
    }
    return folder;
  }

  static Policy policy(Path file) {
    return PolicyLoader.standard().load(existing(file));
  }
}
