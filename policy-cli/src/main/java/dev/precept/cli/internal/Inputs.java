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
      throw new Precept.UsageException(notAFile(file));
    }
    return file;
  }

  /** Why a path given as a file is not one: missing, a folder, or a pipe, socket or device. */
  static String notAFile(Path file) {
    if (Files.isDirectory(file)) {
      return file + ": is a folder, not a file; give the path of a file in it";
    }
    if (Files.exists(file)) {
      return file + ": is not a regular file (a pipe, socket or device); give the path of a file";
    }
    return file + ": no such file";
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
