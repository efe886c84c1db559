package dev.precept.cli.internal;

import dev.precept.model.PolicyException;
import dev.precept.render.PolicySite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The folder a site is published into, replaced whole or not at all: the site is written into a
 * temporary folder beside it and moved into place only when every file is written; a site
 * published before is moved aside and removed once the new one is in place.
 */
final class SiteFolder {
  private SiteFolder() {}

  /**
   * Refuses a target that publishing would damage: a file, the library itself or a folder holding
   * it, or a folder with other files in it (unless {@code force}).
   *
   * @throws UsageException naming the folder and what to do instead
   */
  static void checkTarget(Path site, Path library, boolean force) {
    Path target = site.toAbsolutePath().normalize();
    if (library.toAbsolutePath().normalize().startsWith(target)) {
      throw new UsageException(site + ": holds the library itself; publish into a folder of its own");
    }
    if (!Files.exists(site, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(site, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(site + ": is not a folder (a file or link is in the way); choose another output folder");
    }
    if (force || isEmpty(site) || isPublishedSite(site)) {
      return;
    }
    throw new UsageException(site + ": is not empty and is not a site published before; "
        + "choose a new or empty folder, or add --force to replace everything in it");
  }

  private static boolean isEmpty(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isEmpty();
    } catch (IOException e) {
      throw new UsageException(folder + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static boolean isPublishedSite(Path folder) {
    Path index = folder.resolve("index.html");
    try {
      return Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)
          && PolicySite.isSiteIndex(new String(Files.readAllBytes(index), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes the files into a temporary folder beside {@code site} and puts it in place of
   * {@code site}. On any failure the temporary folder is removed and {@code site} is as it was.
   *
   * @throws PolicyException when the site cannot be written or put in place
   */
  static void replace(Path site, SortedMap<String, byte[]> files) {
    Path parent = site.toAbsolutePath().normalize().getParent();
    Path target = parent.resolve(site.toAbsolutePath().normalize().getFileName());
    Path staging = null;
    Path aside = null;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".precept-");
      readable(staging, "rwxr-xr-x");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path written = staging.resolve(file.getKey()).normalize();
        if (!written.startsWith(staging)) {
          throw new IllegalArgumentException("a site file outside the site: " + file.getKey());
        }
        for (Path folder = written.getParent(); !folder.equals(staging); folder = folder.getParent()) {
          if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            readable(folder, "rwxr-xr-x");
          }
        }
        Files.write(written, file.getValue());
        readable(written, "rw-r--r--");
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        aside = Files.createTempDirectory(parent, "." + target.getFileName() + ".previous-");
        move(target, aside.resolve("site"));
        try {
          move(staging, target);
        } catch (IOException e) {
          move(aside.resolve("site"), target);
          throw e;
        }
      } else {
        move(staging, target);
      }
      staging = null;
    } catch (IOException e) {
      throw new PolicyException(site + ": the site could not be written (" + e.getMessage() + "); nothing was put in place", e);
    } finally {
      deleteTree(staging);
      deleteTree(aside);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void readable(Path path, String mode) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
  }

  private static void deleteTree(Path folder) {
    if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException ignored) {
      // a folder left behind is hidden (.SITE.precept-* or .SITE.previous-*) beside the site, never in it
    }
  }
}
