package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's import list is real: each import names a public type a caller can use. */
class EmbeddingGuideImportsTest {
  @Test
  void everyImportTheGuideShowsExistsAndIsPublic() throws Exception {
    List<String> imports = Files.readAllLines(Path.of("../docs/embedding-the-evaluator.md")).stream()
        .filter(l -> l.startsWith("import ") && !l.startsWith("import static"))
        .map(l -> l.substring("import ".length(), l.length() - 1)).toList();
    assertTrue(imports.size() >= 10, "the guide lists its imports");
    for (String name : imports) {
      Class<?> type = Class.forName(name);
      assertTrue(java.lang.reflect.Modifier.isPublic(type.getModifiers()), name + " is not public");
    }
  }

  @Test
  void theGuideShowsTheBomImportAndTheMinimumJacksonVersion() throws Exception {
    String guide = Files.readString(Path.of("../docs/embedding-the-evaluator.md"));
    assertTrue(guide.contains("<artifactId>policy-bom</artifactId>") && guide.contains("<scope>import</scope>"), "BOM import");
    assertTrue(guide.contains("Jackson 2.16 or later"), "minimum Jackson version");
  }
}
