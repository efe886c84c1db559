package dev.precept.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file. Run with {@code -Dprecept.golden.update=true} to rewrite
 * the golden files on purpose; without it a missing or different file fails the test.
 */
public final class Golden {
  private Golden() {}

  /** Whether this run rewrites golden files. */
  public static boolean updating() {
    return Boolean.getBoolean("precept.golden.update");
  }

  /** Asserts that {@code actual} equals the golden file, or rewrites it when updating. */
  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(Files.exists(golden), () -> "golden file " + golden + " is missing; run with -Dprecept.golden.update=true to create it");
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, () -> "output differs from " + golden);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
