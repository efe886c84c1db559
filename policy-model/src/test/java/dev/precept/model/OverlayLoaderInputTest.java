package dev.precept.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever text the overlay loader is given, it returns an overlay or its own located exception, nothing else. */
class OverlayLoaderInputTest {
  private static String refused(String yaml) {
    PolicyValidationException e = assertThrows(PolicyValidationException.class, () -> OverlayLoader.standard().parse(yaml, "x.overlay.yaml"));
    return e.diagnostics().get(0).describe();
  }

  @Test
  void everyPropertyOfTheOverlaySchemaHasAHoverDescription() throws Exception {
    com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(OverlaySchema.text());
    List<String> missing = new java.util.ArrayList<>();
    schema.get("properties").properties().forEach(p -> {
      if (!p.getValue().has("description")) {
        missing.add(p.getKey());
      }
    });
    schema.at("/$defs/overlayTailoring/properties").properties().forEach(p -> {
      if (!p.getValue().has("description")) {
        missing.add("tailoring." + p.getKey());
      }
    });
    assertEquals(List.of(), missing);
  }

  @Test
  void refusesAPolicyFileGivenAsAnOverlayWithAHint() {
    String message = refused("schemaVersion: 1\nid: cat-social-media\n");
    assertTrue(message.contains("missing required key 'overlayVersion'"), message);
    assertTrue(message.contains("a file with 'schemaVersion' is a policy, not an overlay"), message);
  }

  @Test
  void refusesAListAScalarAndAFutureVersion() {
    assertTrue(refused("- a\n- b\n").contains("an overlay is a YAML mapping"));
    assertTrue(refused("just text\n").contains("an overlay is a YAML mapping"));
    assertEquals("x.overlay.yaml:1:1: error: overlayVersion 2 is not one this build reads (at /overlayVersion)"
        + System.lineSeparator() + "    hint: this build reads overlayVersion [1]", refused("overlayVersion: 2\n"));
  }

  @Test
  void refusesAMissingMasterAndAVariableThatIsNotText() {
    String message = refused("overlayVersion: 1\nacademy: A\nvariables:\n  academy.name: [a, b]\n");
    assertTrue(message.contains("x.overlay.yaml:1:1: error: the document is missing required key 'master'")
        || message.contains("missing required key 'master'"), message);
  }

  @Test
  void anyMangledOverlayIsAnOverlayOrALocatedRefusal() {
    String valid = "overlayVersion: 1\nacademy: Penhallow Academy\nmaster:\n  policy: cat-social-media\n  edition: \"2016.1\"\n"
        + "variables:\n  academy.name: Penhallow Academy\ntailoring:\n  - replace: conduct.report-concerns\n    text: Tell us.\n";
    Random random = new Random(11L);
    String alphabet = ":-\n \"'{}[]#&*!|>%@`\tabc01.";
    for (int run = 0; run < 300; run++) {
      StringBuilder text = new StringBuilder(valid);
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
          text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        } else {
          text.deleteCharAt(at);
        }
      }
      try {
        OverlayLoader.standard().parse(text.toString(), "mangled.overlay.yaml");
      } catch (PolicyValidationException e) {
        assertTrue(e.diagnostics().stream().allMatch(p -> p.source().equals("mangled.overlay.yaml")), "seed 11, run " + run);
        assertTrue(List.copyOf(e.diagnostics()).size() > 0);
      }
    }
  }
}
