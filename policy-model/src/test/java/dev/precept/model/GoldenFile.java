package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model's own golden files (the test kit's {@code Golden} depends on this module). Run with
 * {@code -Dprecept.golden.update=true} to rewrite them on purpose; without it a missing or
 * different file fails the test.
 */
final class GoldenFile {
  /** Where the model's golden files live, relative to the module. */
  static final Path FOLDER = Path.of("src/test/resources/dev/precept/model/golden");

  private GoldenFile() {}

  /** Asserts that {@code actual} equals the golden file, or rewrites it when updating. */
  static void assertMatches(Path golden, String actual) {
    try {
      if (Boolean.getBoolean("precept.golden.update")) {
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

  /** The golden file of this name in the model's golden folder. */
  static void assertMatches(String name, String actual) {
    assertMatches(FOLDER.resolve(name), actual);
  }
}
