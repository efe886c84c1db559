package dev.precept.cli;

import static dev.precept.cli.PreceptTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.cli.internal.TestHooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept publish}: the website of the policies in force, whole, linked, stable, and never half-written. */
class PublishCommandTest {
  private static final Path LIBRARY = Path.of("../examples/connect-academy-trust-library");
  private static final Path TRUST = Path.of("../examples/connect-academy-trust");
  private static final String ON = "2017-03-01";

  @TempDir static Path shared;
  private static Path librarySite;
  private static Path trustSite;

  @BeforeAll
  static void publishBothExamples() {
    librarySite = shared.resolve("library-site");
    PreceptTest.Run library = run("publish", LIBRARY.toString(), "--on", ON, "--out", librarySite.toString());
    assertEquals(0, library.code(), library.err());
    trustSite = shared.resolve("trust-site");
    PreceptTest.Run trust = run("publish", TRUST.toString(), "--on", ON, "--allow-drafts", "--out", trustSite.toString());
    assertEquals(0, trust.code(), trust.err());
  }

  @Test
  void theIndexListsEveryAcademysPolicyWithItsEditionApprovalAndNextReview() throws IOException {
    Document index = Jsoup.parse(librarySite.resolve("index.html").toFile(), "UTF-8");
    assertEquals(List.of("Boscawen Academy", "Penhallow Academy", "Trelissick Academy"), index.select("main h2").eachText());
    for (Element section : index.select("main section")) {
      assertEquals(List.of("Social Media Policy"), section.select("h3").eachText(), section::outerHtml);
      String text = section.text();
      assertTrue(text.contains("Edition 2016.1"), text);
      assertTrue(text.contains("Approved by the Board of Connect Academy Trust on 20 October 2016"), text);
      assertTrue(text.contains("Next review by 20 October 2017"), text);
      assertFalse(text.contains("DRAFT"), text);
    }
    assertTrue(index.select("#academy-trelissick-academy + ul").text().contains(
        "; its own clauses approved by the Local Governing Body of Trelissick Academy on 8 November 2016"), index::outerHtml);
    assertFalse(index.select("#academy-boscawen-academy + ul").text().contains("own clauses"), "Boscawen tailors nothing");
    assertTrue(index.text().contains("The policies in force on 1 March 2017"));
  }

  @Test
  void eachAcademysDocumentIsItsOwnInHtmlWithItsPdfBeside() throws IOException {
    String trelissick = Files.readString(librarySite.resolve("academies/trelissick-academy/cat-social-media.html"));
    assertTrue(trelissick.contains("conduct.trelissick.personal-devices"), "the academy's own clause is in its document");
    assertTrue(trelissick.contains("Morwenna Hicks"), "with its Local Governing Body's signature");
    assertFalse(Files.readString(librarySite.resolve("academies/boscawen-academy/cat-social-media.html")).contains("Morwenna Hicks"));
    for (String academy : List.of("boscawen-academy", "penhallow-academy", "trelissick-academy")) {
      byte[] pdf = Files.readAllBytes(librarySite.resolve("academies/" + academy + "/cat-social-media.pdf"));
      assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII), academy);
    }
  }

  @Test
  void everyLinkAndSourceInBothSitesResolvesToAFileOrAnchorOfTheSite() throws IOException {
    for (Path site : List.of(librarySite, trustSite)) {
      List<String> broken = new ArrayList<>();
      int checked = 0;
      List<Path> pages = files(site).keySet().stream().filter(p -> p.endsWith(".html")).map(site::resolve).toList();
      for (Path page : pages) {
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        for (Element element : html.select("[href], [src]")) {
          String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
          if (link.startsWith("data:")) {
            continue;
          }
          checked++;
          if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || link.startsWith("//") || link.startsWith("/")) {
            broken.add(site.relativize(page) + ": " + link + " leaves the site");
            continue;
          }
          String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
          String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
          Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
          if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            broken.add(site.relativize(page) + ": " + link + " is not a file of the site");
          } else if (!fragment.isEmpty() && Jsoup.parse(target.toFile(), "UTF-8").getElementById(fragment) == null) {
            broken.add(site.relativize(page) + ": " + link + " names no element of " + site.relativize(target));
          }
        }
        assertTrue(html.select("script").isEmpty(), () -> page + " has a script");
        assertFalse(Files.readString(page).toLowerCase(java.util.Locale.ROOT).contains("<script"), page + " has a script");
      }
      assertEquals(List.of(), broken);
      assertTrue(checked > pages.size(), "the pages had links to check: " + checked + " in " + pages.size() + " pages");
    }
  }

  @Test
  void publishingAgainGivesByteIdenticalFilesAndReplacesAPreviousSite(@TempDir Path dir) throws IOException {
    Path again = Files.createDirectory(dir.resolve("site"));
    Files.writeString(again.resolve("index.html"), Files.readString(librarySite.resolve("index.html")));
    Files.writeString(again.resolve("withdrawn-policy.html"), "an old page");

    PreceptTest.Run run = run("publish", LIBRARY.toString(), "--on", ON, "--out", again.toString());

    assertEquals(0, run.code(), run.err());
    Map<String, byte[]> first = files(librarySite);
    Map<String, byte[]> second = files(again);
    assertEquals(first.keySet(), second.keySet(), "a page no longer published is gone");
    first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    assertEquals(List.of("site"), names(dir), "no temporary folder is left beside the site");
  }

  @Test
  void draftsAreLeftOutAndSaidSoAndNothingIsWrittenWhenNothingIsInForce(@TempDir Path dir) {
    Path out = dir.resolve("site");

    PreceptTest.Run run = run("publish", TRUST.toString(), "--on", ON, "--out", out.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("not published: Social Media Policy (cat-social-media): no approved edition in force"), run.err());
    assertTrue(run.err().contains("nothing published (--allow-drafts publishes drafts, marked DRAFT)"), run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void withAllowDraftsADraftIsPublishedMarkedDraft() throws IOException {
    Document index = Jsoup.parse(trustSite.resolve("index.html").toFile(), "UTF-8");
    assertEquals(List.of("Connect Academy Trust"), index.select("main h2").eachText());
    String text = index.select("main").text();
    assertTrue(text.contains("DRAFT: this edition is not approved."), text);
    assertTrue(text.contains("Edition 2017.1"), "the latest draft: " + text);
    assertTrue(text.contains("Draft, not approved: for review and approval by the Board of Connect Academy Trust by 31 October 2017"), text);
    assertFalse(text.contains("Next review"), "a draft has no review date yet: " + text);
    assertTrue(Files.readString(trustSite.resolve("policies/cat-social-media.html")).contains("Draft"));
  }

  @Test
  void anAcademyWhoseTailoringIsNotApprovedIsLeftOutAndTheOthersPublished(@TempDir Path dir) throws IOException {
    Path library = copy(LIBRARY, dir.resolve("library"));
    Files.delete(library.resolve("academies/trelissick/social-media.approvals.yaml"));
    Path out = dir.resolve("site");

    PreceptTest.Run run = run("publish", library.toString(), "--on", ON, "--out", out.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("not published: Trelissick Academy: Social Media Policy (cat-social-media): master in force; tailoring NOT approved locally"),
        run.err());
    assertTrue(run.out().startsWith("published 2 policies for 2 academies, in force on 2017-03-01; 1 not published"), run.out());
    assertFalse(Files.exists(out.resolve("academies/trelissick-academy")));
    assertFalse(Files.readString(out.resolve("index.html")).contains("Trelissick"));
  }

  @Test
  void anOverlayThatNoLongerAppliesFailsThePublishAndLeavesThePreviousSiteAsItWas(@TempDir Path dir) throws IOException {
    Path library = copy(LIBRARY, dir.resolve("library"));
    Path overlay = library.resolve("academies/trelissick/social-media.overlay.yaml");
    Files.writeString(overlay, Files.readString(overlay).replace("replace: conduct.report-concerns", "replace: conduct.no-such-clause"));
    Path out = dir.resolve("site");
    copy(librarySite, out);

    PreceptTest.Run run = run("publish", library.toString(), "--on", ON, "--out", out.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("social-media.overlay.yaml"), "the error names the overlay: " + run.err());
    Map<String, byte[]> before = files(librarySite);
    Map<String, byte[]> after = files(out);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    assertEquals(List.of("library", "site"), names(dir), "no temporary folder is left");
  }

  @Test
  void aLibraryWithAFileThatCannotBeReadPublishesNothing(@TempDir Path dir) throws IOException {
    Path library = copy(LIBRARY, dir.resolve("library"));
    Files.writeString(library.resolve("policies/social-media/social-media-policy-2017.yaml"), "schemaVersion: 1\nid: [unclosed\n");
    Path out = dir.resolve("site");

    PreceptTest.Run run = run("publish", library.toString(), "--on", ON, "--out", out.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("social-media-policy-2017.yaml"), run.err());
    assertTrue(run.err().contains("cannot be read; nothing published"), run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMasterForAcademiesThatNoAcademyOverlaysIsNotPublishedWithItsBlanks(@TempDir Path dir) throws IOException {
    Path library = copy(LIBRARY.resolve("policies"), dir.resolve("library").resolve("policies"));
    Path out = dir.resolve("site");

    PreceptTest.Run run = run("publish", library.getParent().toString(), "--on", ON, "--out", out.toString());

    assertEquals(1, run.code(), run.err());
    assertTrue(run.err().contains("not published: Social Media Policy (cat-social-media): a master for academies (its text has variables "
        + "each academy's overlay sets), and no academy overlays it"), run.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aFolderWithOtherFilesIsReplacedOnlyWithForce(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectory(dir.resolve("site"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    PreceptTest.Run refused = run("publish", TRUST.toString(), "--on", ON, "--allow-drafts", "--out", out.toString());

    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("is not empty and is not a site published before"), refused.err());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertEquals(List.of("notes.txt"), names(out));

    PreceptTest.Run forced = run("publish", TRUST.toString(), "--on", ON, "--allow-drafts", "--force", "--out", out.toString());

    assertEquals(0, forced.code(), forced.err());
    assertEquals(List.of("index.html", "policies"), names(out));
  }

  @Test
  void theLibraryItselfIsNeverPublishedOver(@TempDir Path dir) throws IOException {
    Path library = copy(TRUST, dir.resolve("library"));

    PreceptTest.Run run = run("publish", library.toString(), "--allow-drafts", "--force", "--out", dir.toString());

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("holds the library itself"), run.err());
    assertTrue(Files.isRegularFile(library.resolve("social-media-policy.yaml")));
  }

  @Test
  void progressIsALinePerDocumentOnATerminalAndSilentInAPipe(@TempDir Path dir) {
    PreceptTest.Run piped = run("publish", TRUST.toString(), "--on", ON, "--allow-drafts", "--out", dir.resolve("piped").toString());
    assertEquals("", piped.err());
    TestHooks.terminal(true);
    try {
      PreceptTest.Run shown = run("publish", TRUST.toString(), "--on", ON, "--allow-drafts", "--out", dir.resolve("shown").toString());
      assertEquals("rendering 1/1 Social Media Policy 2017.1 (DRAFT)\n", shown.err());
      assertEquals(piped.out().replace("piped", "shown"), shown.out());
    } finally {
      TestHooks.terminal(false);
    }
  }

  private static Map<String, byte[]> files(Path site) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(site.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
