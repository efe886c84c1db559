package dev.precept.review;

import dev.precept.testkit.SeedPolicy;
import dev.precept.render.SignatureBlock;
import dev.precept.render.DocumentRenderer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseSuite;
import dev.precept.model.Policy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;

/** The review pack holds every part, and its index links each of them. */
class BoardPackTest {
  @Test
  void thePackHoldsTheDocumentChangesCheckAndCasesWithAnIndexLinkingThem() throws Exception {
    Policy policy = PolicyDiffTest.NEW;
    Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard()).files(policy, SignatureBlock.unsigned(policy),
        Optional.of(PolicyDiffTest.OLD),
        CaseSuite.load(CaseSuite.besidePolicy(PolicyDiffTest.NEW_FILE), policy).cases(),
        CaseSuite.load(CaseSuite.besidePolicy(SeedPolicy.FILE), PolicyDiffTest.OLD).cases());
    assertEquals(List.of("index.html", "document.html", "document.pdf", "changes.html", "check.html", "cases.html"),
        List.copyOf(files.keySet()));
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(index);
    int linked = 0;
    while (links.find()) {
      assertTrue(files.containsKey(links.group(1)), "index links to a missing file: " + links.group(1));
      linked++;
    }
    assertEquals(files.size() - 1, linked);
    assertTrue(index.contains("16 changes, 12 substantive; 7 rulings change"), index);
    assertTrue(index.contains("24 passed, 0 failed"), index);
    String changes = new String(files.get("changes.html"), StandardCharsets.UTF_8);
    assertTrue(changes.contains("<del>Computing </del><ins>Online Safety </ins>Lead"), changes);
    try (var pdf = Loader.loadPDF(files.get("document.pdf"))) {
      assertTrue(pdf.getNumberOfPages() >= 4);
    }
  }

  @Test
  void aPackWithNoCasesSaysNoRulingsWereComparedRatherThanThatNoneChange() throws Exception {
    Policy policy = PolicyDiffTest.NEW;
    Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard()).files(policy, SignatureBlock.unsigned(policy),
        Optional.of(PolicyDiffTest.OLD), List.of(), List.of());
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("16 changes, 12 substantive; no cases, so no rulings compared"), index);
    String changes = new String(files.get("changes.html"), StandardCharsets.UTF_8);
    assertTrue(changes.contains("Neither edition has cases beside it"), changes);
    assertTrue(!changes.contains("No case of either edition gets a different ruling"), changes);
    String text = PolicyDiff.toText(PolicyDiff.between(PolicyDiffTest.OLD, policy));
    assertTrue(text.contains("Neither edition has cases beside it"), text);
  }

  @Test
  void theCheckShowsADeclaredSilenceWithItsReasonAndOnlyAnUndeclaredGapAsAGap() throws Exception {
    Policy policy = dev.precept.model.PolicyLoader.standard().load(java.nio.file.Path.of("src/test/resources/declared-silence/policy.yaml"));
    Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard()).files(policy, SignatureBlock.unsigned(policy),
        Optional.empty(), List.of(), List.of());
    String check = new String(files.get("check.html"), StandardCharsets.UTF_8);
    assertTrue(check.contains("<tr><th scope=\"row\">contractor</th><td class=\"silent\">silent on purpose: their conduct is governed"
        + " by their contracts with the council</td></tr>"), check);
    assertTrue(check.contains("<tr><th scope=\"row\">visitor</th><td class=\"gap\">GAP</td></tr>"), check);
    assertEquals(1, check.split(">GAP<", -1).length - 1, check);
    assertTrue(check.contains("<h2>Declared silence (for information)</h2>"), check);
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("1 errors, 0 warnings, 1 declared silence"), index);
  }
}
