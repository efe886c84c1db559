package dev.precept.review;

import dev.precept.testkit.SeedPolicy;
import dev.precept.render.SignatureBlock;
import dev.precept.render.DocumentRenderer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /**
   * The coverage is a grid to look at, not a list of ids: titles for roles and kinds of breach, and
   * in each cell how many consequences a breach must and may lead to, coloured by what it is.
   */
  @Test
  void theCoverageIsAGridOfTitlesAndCountsColouredByWhatEachCellIs() throws Exception {
    Policy policy = dev.precept.model.PolicyLoader.standard().load(java.nio.file.Path.of(
        "../examples/connect-academy-trust/social-media-policy-2017.yaml"));
    Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard()).files(policy, SignatureBlock.unsigned(policy),
        Optional.empty(), List.of(), List.of());
    String check = new String(files.get("check.html"), StandardCharsets.UTF_8);
    String grid = check.substring(check.indexOf("<table>"), check.indexOf("</table>"));
    assertFalse(grid.contains("employee.investigation"), "no consequence ids in the grid: " + grid);
    String staff = policy.roles().stream().filter(r -> r.id().equals("staff")).findFirst().orElseThrow().title();
    String category = policy.breachCategories().get(2).title(); // one without an apostrophe, which the page escapes
    assertTrue(grid.contains("<th scope=\"col\">" + category + "</th>"), grid);
    assertTrue(grid.contains("<tr><th scope=\"row\">" + staff + "</th><td class=\"covered\">1 must, 3 may</td>"), grid);
    assertTrue(grid.contains("<td class=\"unreached\">-</td>"), "a pupil is not reached by the safeguarding rules: " + grid);
    assertTrue(check.contains(".covered {") && check.contains(".unreached {"), "each kind of cell has its colour");
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
    assertTrue(check.contains("<tr><th scope=\"row\">Contractors</th><td class=\"silent\">silent on purpose: their conduct is governed"
        + " by their contracts with the council</td></tr>"), check);
    assertTrue(check.contains("<tr><th scope=\"row\">Visitors</th><td class=\"gap\">GAP</td></tr>"), check);
    assertEquals(1, check.split("<td class=\"gap\">", -1).length - 1, check);
    assertTrue(check.contains("<h2>Declared silence (for information)</h2>"), check);
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(index.contains("1 error, 0 warnings, 1 declared silence"), index);
  }
}
