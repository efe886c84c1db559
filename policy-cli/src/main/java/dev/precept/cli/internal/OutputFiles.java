package dev.precept.cli.internal;

import dev.precept.model.PolicyException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Writes output files whole or not at all: each is written to a temporary file in the same folder
 * and moved into place, so a crash never leaves a half-written file, and no input is overwritten.
 */
final class OutputFiles {
  /** Something that writes a file's content. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {}

  static Path folder(Path folder) {
    try {
      Files.createDirectories(folder);
      return folder;
    } catch (IOException e) {
      throw new UsageException(folder + ": cannot create the output folder (" + e.getMessage() + ")");
    }
  }

  /**
   * The folder for private keys: folders it has to make are made readable by their owner only
   * (mode 700); a folder that already exists is left as it is.
   */
  static Path privateFolder(Path folder) {
    try {
      Path absolute = folder.toAbsolutePath();
      Path existing = absolute;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null && existing != absolute && Files.getFileStore(existing).supportsFileAttributeView("posix")) {
        Files.createDirectories(absolute, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
      }
      return folder(folder);
    } catch (IOException e) {
      throw new UsageException(folder + ": cannot create the output folder (" + e.getMessage() + ")");
    }
  }

  /** Writes a secret (a private key) readable by its owner only (mode 600), never over an existing file. */
  static void writePrivate(Path target, String text) {
    try {
      Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
      try {
        KeygenCommand.privateMode(temporary);
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new PolicyException(target + ": could not be written (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Writes a set of files into {@code folder} all or none: every target is checked first (no input
   * overwritten, no folder in the way), then every file is written into a temporary folder beside
   * them, and only when all are written are they moved into place, {@code index.html} last so an
   * index never links a file that is not there.
   */
  static void writeAll(Path folder, java.util.Map<String, byte[]> files, Collection<Path> inputs) {
    for (String name : files.keySet()) {
      Path target = folder.resolve(name);
      for (Path input : inputs) {
        if (input.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
          throw new UsageException(target + ": would overwrite an input file; choose another output folder");
        }
      }
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(target + ": is in the way (a folder, link or device, not a file); move it or choose another output folder");
      }
    }
    folder(folder);
    Path staging = null;
    try {
      staging = Files.createTempDirectory(folder, ".precept-");
      for (java.util.Map.Entry<String, byte[]> file : files.entrySet()) {
        Path written = Files.write(staging.resolve(file.getKey()), file.getValue());
        if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(written, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
      java.util.List<String> names = new java.util.ArrayList<>(files.keySet());
      names.sort(java.util.Comparator.comparing((String name) -> name.equals("index.html")));
      for (String name : names) {
        try {
          Files.move(staging.resolve(name), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(staging.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new PolicyException(folder + ": could not write the files (" + e.getMessage() + "); none was put in place", e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static void deleteQuietly(Path staging) {
    if (staging == null) {
      return;
    }
    try (java.util.stream.Stream<Path> left = Files.list(staging)) {
      for (Path file : left.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(staging);
    } catch (IOException ignored) {
      // a temporary folder left behind is named .precept-*, and holds nothing that was not also written in place
    }
  }

  static void write(Path target, String text, Collection<Path> inputs) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), inputs);
  }

  static void write(Path target, Content content, Collection<Path> inputs) {
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
        throw new UsageException(target + ": would overwrite an input file; choose another output folder");
      }
    }
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folder, "." + target.getFileName(), ".part");
      if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        // Documents are for reading: rw-r--r--, not the private mode temporary files get.
        Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new PolicyException(target + ": could not be written (" + e.getMessage() + ")", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the move succeeded or the write failed; either way nothing more can be done
        }
      }
    }
  }
}
