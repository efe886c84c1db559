package dev.precept.cli.internal;

import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a command's input files, with usage errors for files that are not there; {@code -}
 * reads standard input wherever a file is read.
 */
final class Inputs {
  /** The name problems in standard input are reported under. */
  static final String STDIN_NAME = "<stdin>";

  private static InputStream stdin = System.in;

  private Inputs() {}

  /** Whether this argument means standard input. */
  static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /** For tests: read standard input from here. */
  static void readStdinFrom(InputStream in) {
    stdin = in;
  }

  static Path existing(Path file) {
    if (!isStdin(file) && !Files.isRegularFile(file)) {
      throw new UsageException(notAFile(file));
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
      throw new UsageException(folder + ": no such folder");
    }
    return folder;
  }

  /** The bytes of a file, or of standard input for {@code -}, within the size limit. */
  static byte[] bytes(Path file) {
    if (!isStdin(file)) {
      return PolicyLoader.readFile(existing(file), ReadLimits.STANDARD);
    }
    try {
      byte[] bytes = stdin.readNBytes(ReadLimits.STANDARD.maxBytes() + 1);
      if (bytes.length > ReadLimits.STANDARD.maxBytes()) {
        throw new PolicyException(STDIN_NAME + ": more than the " + ReadLimits.STANDARD.maxBytes() + " bytes a policy file may have");
      }
      return bytes;
    } catch (IOException e) {
      throw new PolicyException(STDIN_NAME + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The name problems in this input are reported under. */
  static String name(Path file) {
    return isStdin(file) ? STDIN_NAME : file.toString();
  }

  static Policy policy(Path file) {
    return PolicyLoader.standard().parse(bytes(file), name(file));
  }

  static Incident incident(Path file, Policy policy) {
    return IncidentLoader.forPolicy(policy).read(LocatedDocument.read(bytes(file), name(file), ReadLimits.STANDARD), "");
  }
}
