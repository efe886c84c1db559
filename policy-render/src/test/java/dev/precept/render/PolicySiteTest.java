package dev.precept.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.testkit.SeedPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The published site's pages: what the index says of each policy, where the files go, and what is refused. */
class PolicySiteTest {
  private static final Policy POLICY = DocumentRendererTest.POLICY;
  private static final LocalDate ON = LocalDate.of(2017, 3, 1);

  /** The seed's signature block, every line approved on this date. */
  static SignatureBlock approvedOn(LocalDate date) {
    SignatureBlock.Builder block = SignatureBlock.builder().approved(true).approvedOn(date);
    SignatureBlock.unsigned(POLICY).lines().forEach(line -> block.addLines(SignatureBlock.Line.builder().from(line)
        .name("A Signatory").date(date).verification("approved, signature verified").build()));
    return block.build();
  }

  static List<PublishedPolicy> trustAndAcademy() {
    return List.of(
        PublishedPolicy.builder().policy(POLICY).signatures(approvedOn(LocalDate.of(2016, 10, 20)))
            .nextReview(LocalDate.of(2017, 10, 20)).build(),
        PublishedPolicy.builder().academy("Penhallow Academy").policy(POLICY).signatures(SignatureBlock.unsigned(POLICY))
            .nextReview(LocalDate.of(2016, 10, 31)).build());
  }

  @Test
  void theIndexGivesEachPolicysEditionApprovalNextReviewAndBothFiles() {
    List<String> progress = new ArrayList<>();
    SortedMap<String, byte[]> files = PolicySite.of(DocumentRenderer.standard()).files("Connect Academy Trust", ON, trustAndAcademy(), progress::add);

    assertEquals(List.of("academies/penhallow-academy/cat-social-media.html", "academies/penhallow-academy/cat-social-media.pdf",
        "index.html", "policies/cat-social-media.html", "policies/cat-social-media.pdf"), List.copyOf(files.keySet()));
    assertEquals(List.of("1/2 Social Media Policy 2016.1", "2/2 Penhallow Academy: Social Media Policy 2016.1 (DRAFT)"), progress);
    String index = new String(files.get("index.html"), StandardCharsets.UTF_8);
    assertTrue(PolicySite.isSiteIndex(index));
    assertTrue(index.contains("<title>Connect Academy Trust: policies</title>"), index);
    assertTrue(index.contains("<h2 id=\"trust\">Connect Academy Trust</h2>"), index);
    assertTrue(index.indexOf("id=\"trust\"") < index.indexOf("id=\"academy-penhallow-academy\""), "the trust's own policies come first");
    assertTrue(index.contains("<p>Approved by the Board of Connect Academy Trust on 20 October 2016</p>"), index);
    assertTrue(index.contains("<p>Next review by 20 October 2017</p>"), index);
    assertFalse(index.contains("Next review by 31 October 2016"), "a draft's approval is due, not its review: " + index);
    assertTrue(index.contains("<p class=\"draft\"><strong>DRAFT</strong>: this edition is not approved.</p>"), index);
    assertTrue(index.contains("<p>Draft, not approved: for review and approval by the Board of Connect Academy Trust by 31 October 2016</p>"), index);
    assertTrue(index.contains("<a href=\"policies/cat-social-media.pdf\">Social Media Policy (PDF, "), index);
    assertTrue(new String(files.get("policies/cat-social-media.pdf"), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
  }

  @Test
  void textFromThePolicyAndTheAcademysNameIsEscaped() throws Exception {
    String yaml = Files.readString(SeedPolicy.FILE).replaceFirst("(?m)^  title: .*$", "  title: \"<script>alert(1)</script> & *Co*\"");
    Policy hostile = PolicyLoader.standard().parse(yaml.getBytes(StandardCharsets.UTF_8), "hostile.yaml");
    PublishedPolicy published = PublishedPolicy.builder().academy("<b>St Mary's & All Saints</b>").policy(hostile)
        .signatures(approvedOn(LocalDate.of(2016, 10, 20))).build();

    String index = new String(PolicySite.of(DocumentRenderer.standard()).files("Trust <i>", ON, List.of(published), line -> {})
        .get("index.html"), StandardCharsets.UTF_8);

    assertFalse(index.contains("<script>"), index);
    assertFalse(index.contains("<b>") || index.contains("<i>"), index);
    assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *Co*"), index);
    assertTrue(index.contains("&lt;b&gt;St Mary&apos;s &amp; All Saints&lt;/b&gt;"), index);
    assertTrue(index.contains("href=\"academies/b-st-mary-s-all-saints-b/cat-social-media.html\""), index);
  }

  @Test
  void aPolicyPublishedTwiceForOneHolderIsRefused() {
    PublishedPolicy once = trustAndAcademy().get(0);
    PolicyException e = assertThrows(PolicyException.class,
        () -> PolicySite.of(DocumentRenderer.standard()).files("Connect Academy Trust", ON, List.of(once, once), line -> {}));
    assertEquals("policy 'cat-social-media' is published twice for Connect Academy Trust; publish one edition of it", e.getMessage());
  }

  @Test
  void academiesWhoseFoldersWouldBeTheSameAreRefused() {
    PublishedPolicy first = PublishedPolicy.builder().academy("St. Ives Academy").policy(POLICY).signatures(SignatureBlock.unsigned(POLICY)).build();
    PublishedPolicy second = PublishedPolicy.builder().academy("St Ives Academy").policy(POLICY).signatures(SignatureBlock.unsigned(POLICY)).build();
    PolicyException e = assertThrows(PolicyException.class,
        () -> PolicySite.of(DocumentRenderer.standard()).files("Connect Academy Trust", ON, List.of(first, second), line -> {}));
    assertTrue(e.getMessage().contains("would share the folder academies/st-ives-academy/"), e.getMessage());
  }

  @Test
  void aSiteWithNothingToPublishIsRefused() {
    assertThrows(PolicyException.class, () -> PolicySite.of(DocumentRenderer.standard()).files("Connect Academy Trust", ON, List.of(), line -> {}));
  }

  @Test
  void anIndexPublishedByAnythingElseIsNotASite() {
    assertFalse(PolicySite.isSiteIndex("<html><head><meta name=\"generator\" content=\"WordPress\"/></head></html>"));
  }
}
