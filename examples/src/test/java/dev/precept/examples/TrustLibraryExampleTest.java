package dev.precept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseReport;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Outcome;
import dev.precept.eval.Ruling;
import dev.precept.model.Clause;
import dev.precept.model.Overlay;
import dev.precept.model.OverlayLoader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.Tailoring;
import dev.precept.model.TailoringKind;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Connect Academy Trust library: three academies on one master. Each academy's cases pass
 * against its own policy, its document renders, and its sentences are the master's except where it
 * tailored a clause.
 */
class TrustLibraryExampleTest {
  static final Path LIBRARY = Path.of("connect-academy-trust-library");

  /** Every master edition in the library's policies folder. */
  static List<Policy> masters() throws IOException {
    try (Stream<Path> walk = Files.walk(LIBRARY.resolve("policies"))) {
      return walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().matches(".*\\.(cases|approvals|keyring)\\.yaml"))
          .sorted().map(PolicyLoader.standard()::load).toList();
    }
  }

  static List<Path> overlays() throws IOException {
    try (Stream<Path> walk = Files.walk(LIBRARY.resolve("academies"))) {
      return walk.filter(OverlayLoader::isOverlayFile).sorted().toList();
    }
  }

  static Policy academyPolicy(Overlay overlay) throws IOException {
    return overlay.applyTo(overlay.namedEdition(masters()));
  }

  @Test
  void theLibraryHasAnAcademyWithNoTailoringOneWithVariablesOnlyAndOneThatTailors() throws IOException {
    Map<String, Overlay> byAcademy = overlays().stream().map(OverlayLoader.standard()::load)
        .collect(Collectors.toMap(Overlay::academy, o -> o));
    assertTrue(byAcademy.size() >= 3);
    assertTrue(byAcademy.get("Boscawen Academy").tailoring().isEmpty());
    assertTrue(byAcademy.get("Penhallow Academy").tailoring().isEmpty());
    assertTrue(byAcademy.get("Penhallow Academy").variables().containsKey("headteacher.title"));
    Set<TailoringKind> trelissick = byAcademy.get("Trelissick Academy").tailoring().stream().map(Tailoring::kind)
        .collect(Collectors.toSet());
    assertEquals(Set.of(TailoringKind.REPLACE, TailoringKind.ADD_AFTER), trelissick);
  }

  @TestFactory
  Stream<DynamicTest> everyAcademyPassesItsOwnCases() throws IOException {
    List<Path> overlays = overlays();
    assertFalse(overlays.isEmpty());
    return overlays.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      Policy policy = academyPolicy(OverlayLoader.standard().load(file));
      Path cases = file.resolveSibling(file.getFileName().toString().replace(".overlay.yaml", ".cases.yaml"));
      CaseReport report = CaseSuite.load(cases, policy).run(Evaluator.of(policy));
      assertTrue(report.passed(), report.toText());
    }));
  }

  @Test
  void theSameIncidentRulesDifferentlyWhereTrelissicksOwnClauseMatters() throws IOException {
    Policy boscawen = academyPolicy(OverlayLoader.standard().load(LIBRARY.resolve("academies/boscawen/social-media.overlay.yaml")));
    Policy trelissick = academyPolicy(OverlayLoader.standard().load(LIBRARY.resolve("academies/trelissick/social-media.overlay.yaml")));
    var incident = dev.precept.eval.Incident.builder().id("class-trip-photos")
        .person(dev.precept.eval.Person.holding("staff")).addCategories("images")
        .putFact("images-authorised", "true").putFact("personal-device", "true").build();
    Ruling atBoscawen = Evaluator.of(boscawen).rule(incident);
    Ruling atTrelissick = Evaluator.of(trelissick).rule(incident);
    assertFalse(atBoscawen.anyBreach());
    assertEquals(Outcome.BREACHED, atTrelissick.clause("conduct.trelissick.personal-devices").orElseThrow().outcome());
    assertTrue(atTrelissick.consequence("employee.investigation").isPresent());
    assertEquals(java.util.Optional.of("local to Trelissick Academy (added)"),
        atTrelissick.clause("conduct.trelissick.personal-devices").orElseThrow().origin(), "the ruling names the clause's origin");
    assertTrue(dev.precept.eval.Rulings.toText(atTrelissick).contains("conduct.trelissick.personal-devices (local to Trelissick Academy (added)): BREACHED"),
        dev.precept.eval.Rulings.toText(atTrelissick));
  }

  @TestFactory
  Stream<DynamicTest> everyAcademysDocumentRendersWithTheMastersSentencesExceptWhereTailored() throws IOException {
    return overlays().stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      Overlay overlay = OverlayLoader.standard().load(file);
      Policy master = overlay.namedEdition(masters());
      Policy academy = overlay.applyTo(master);
      // The master's own document shows each variable as a marked blank named by its title.
      String masterHtml = DocumentRenderer.standard().html(master, SignatureBlock.unsigned(master));
      for (Map.Entry<String, String> variable : values(overlay, master).entrySet()) {
        String title = master.variation().orElseThrow().variable(variable.getKey()).orElseThrow().title();
        masterHtml = masterHtml.replace("<span class=\"blank\">[" + title.replace("'", "&apos;") + "]</span>", variable.getValue());
      }
      String masterText = mainText(masterHtml);
      Set<String> masterSentences = sentences(masterText);
      // Compared without the notes that mark local clauses; with them, a tailored document lists its variations.
      Set<String> academySentences = sentences(mainText(DocumentRenderer.standard().withoutLocalNotes()
          .html(academy, SignatureBlock.unsigned(academy))));
      assertEquals(!overlay.tailoring().isEmpty(),
          DocumentRenderer.standard().html(academy, SignatureBlock.unsigned(academy)).contains("<h2>Local variations</h2>"));

      Set<String> local = new LinkedHashSet<>();
      academy.allClauses().stream().filter(c -> c.origin().isPresent()).forEach(c -> local.addAll(sentences(c.text())));
      Set<String> replaced = new LinkedHashSet<>();
      for (Tailoring t : overlay.tailoring()) {
        if (t.kind() != TailoringKind.ADD_AFTER) {
          String text = master.clause(t.target()).map(Clause::text).orElseThrow();
          for (Map.Entry<String, String> variable : values(overlay, master).entrySet()) {
            text = text.replace("{{" + variable.getKey() + "}}", variable.getValue());
          }
          replaced.addAll(sentences(text));
        }
      }
      Set<String> onlyInAcademy = new LinkedHashSet<>(academySentences);
      onlyInAcademy.removeAll(masterSentences);
      overlay.tailoring().forEach(t -> t.reason().ifPresent(r -> local.addAll(sentences(r))));
      onlyInAcademy.removeIf(s -> local.stream().anyMatch(l -> s.contains(l) || l.contains(s)) || s.startsWith("Local to ")
          || s.equals("Local variations"));
      assertEquals(Set.of(), onlyInAcademy, "sentences in the academy's document that are neither the master's nor its own");
      Set<String> onlyInMaster = new LinkedHashSet<>(masterSentences);
      onlyInMaster.removeAll(academySentences);
      onlyInMaster.removeIf(s -> replaced.stream().anyMatch(r -> s.contains(r) || r.contains(s)));
      assertEquals(Set.of(), onlyInMaster, "sentences of the master missing from the academy's document");
      if (overlay.tailoring().isEmpty()) {
        assertEquals(masterSentences, academySentences);
      }
    }));
  }

  private static Map<String, String> values(Overlay overlay, Policy master) {
    Map<String, String> values = new java.util.TreeMap<>();
    master.variation().orElseThrow().variables().forEach(v -> v.defaultValue().ifPresent(d -> values.put(v.id(), d)));
    values.putAll(overlay.variables());
    return values;
  }

  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  /** The text of the document's body (the clauses), without markup. */
  static String mainText(String html) {
    int start = html.indexOf("<main>");
    int end = html.indexOf("</main>");
    String main = html.substring(start, end);
    return TAG.matcher(main).replaceAll(" ").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&").replace("&quot;", "\"");
  }

  static Set<String> sentences(String text) {
    String flat = text.replaceAll("\\*", "").replaceAll("\\s+", " ").strip();
    List<String> out = new ArrayList<>();
    // Paragraph numbers and list letters ("3.4", "(f)") move when an academy adds or removes a
    // clause; the sentences are compared without them.
    Arrays.stream(flat.split("(?<=[.:;])\\s+")).map(String::strip).map(s -> s.replaceFirst("^(\\([a-z]+\\)|[0-9]+(\\.[0-9]+)*|[A-Z]\\.[0-9]+)\\s+", ""))
        .filter(s -> !s.isEmpty()).forEach(out::add);
    return new LinkedHashSet<>(out);
  }
}
