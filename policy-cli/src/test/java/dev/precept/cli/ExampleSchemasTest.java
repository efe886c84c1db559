package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples carry the schemas their modelines point at, and those are the shipped ones. */
class ExampleSchemasTest {
  private static final Path EXAMPLES = Path.of("../examples/connect-academy-trust");
  private static final Path LIBRARY = Path.of("../examples/connect-academy-trust-library");

  @Test
  void theSchemasBesideTheExamplesAreTheShippedOnes() throws Exception {
    for (String kind : List.of("policy", "incident", "cases")) {
      assertEquals(run("schema", "--for", kind).out(), Files.readString(EXAMPLES.resolve(kind + ".schema.json")),
          kind + ".schema.json beside the examples is stale: copy it from 'precept schema --for " + kind + "'");
    }
  }

  @Test
  void everyExampleFilePointsItsEditorAtASchemaThatIsThere() throws Exception {
    for (String file : List.of("social-media-policy.yaml", "social-media-policy-2017.yaml", "social-media-policy.cases.yaml",
        "social-media-policy-2017.cases.yaml", "incidents/volunteer-messages-pupil.yaml")) {
      Path path = EXAMPLES.resolve(file);
      String first = Files.readAllLines(path).get(0);
      assertTrue(first.startsWith("# yaml-language-server: $schema=./") || first.startsWith("# yaml-language-server: $schema=../"), first);
      Path schema = path.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
      assertTrue(Files.isRegularFile(schema), file + " points at " + schema + ", which is not there");
    }
  }

  @Test
  void everyFileOfTheLibraryPointsItsEditorAtTheShippedSchemaInsideTheLibrarySoACopyOfTheFolderKeepsWorking() throws Exception {
    List<Path> files;
    try (var walk = Files.walk(LIBRARY)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int pointing = 0;
    for (Path path : files) {
      String first = Files.readAllLines(path).get(0);
      if (!first.startsWith("# yaml-language-server: $schema=")) {
        continue;
      }
      pointing++;
      String target = first.substring(first.indexOf('=') + 1);
      Path schema = path.getParent().resolve(target).normalize();
      assertTrue(schema.startsWith(LIBRARY.normalize()), path + " points outside the library, at " + schema);
      assertTrue(Files.isRegularFile(schema), path + " points at " + schema + ", which is not there");
      String kind = schema.getFileName().toString().replace(".schema.json", "");
      assertEquals(run("schema", "--for", kind).out(), Files.readString(schema),
          schema + " is stale: copy it from 'precept schema --for " + kind + "'");
    }
    assertEquals(8, pointing, "every master, overlay and cases file of the library has its modeline");
  }
}
