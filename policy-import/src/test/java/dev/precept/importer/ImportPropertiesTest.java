package dev.precept.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For any text, an import gives a skeleton that validates or a clear {@link ImportException},
 * never anything else; the same text gives the same skeleton. Seeded, so a failure replays.
 */
class ImportPropertiesTest {
  private static final List<String> PIECES = List.of("Staff", "must not", "should", "may result in", "unless", "the",
      "Policy", "Trust", "1.", "2.1", "#", "##", "-", "*", "**", "_", "\"", "'", "\\", ":", ";", ".", ",", "\t", "  ",
      "\n", "\n\n", "\n\n", "é", "\u00a0", "\u2028", "\ud83d\ude00", "<b>", "&amp;", "{", "}", "[", "]", "|", "---",
      "...", "Signed", "Date", "Contents", "September 2016", "Version 3", "For approval by the Board", "a)", "(ii)",
      "•", "TITLE IN CAPITALS", "key: value", "!!binary", "&anchor", "*alias", "%YAML", "@", "`code`", "null", "~");

  private static String text(Random random) {
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(120);
    for (int i = 0; i < length; i++) {
      out.append(PIECES.get(random.nextInt(PIECES.size())));
      if (random.nextInt(3) > 0) {
        out.append(' ');
      }
    }
    return out.toString();
  }

  @Test
  void anyTextGivesAValidSkeletonOrAnImportExceptionAndTheSameTextTheSameSkeleton(@TempDir Path folder) throws Exception {
    long seed = Long.getLong("precept.seed", 20261125L);
    Random random = new Random(seed);
    int skeletons = 0;
    for (int i = 0; i < 300; i++) {
      String text = text(random);
      Path file = folder.resolve("case-" + i + (i % 2 == 0 ? ".txt" : ".md"));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        String yaml = PolicyImporter.standard().read(file).yaml();
        assertEquals(yaml, PolicyImporter.standard().read(file).yaml());
        skeletons++;
      } catch (ImportException expected) {
        // a clear refusal is a valid outcome
      } catch (RuntimeException e) {
        fail("case " + i + " (seed " + seed + ") threw " + e + " for:\n" + text, e);
      }
    }
    final int made = skeletons;
    org.junit.jupiter.api.Assertions.assertTrue(made > 100, () -> "most random texts make a skeleton: " + made);
  }
}
