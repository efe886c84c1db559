package dev.precept.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.precept.eval.CaseSuite;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Incident;
import dev.precept.eval.IncidentLoader;
import dev.precept.eval.Rulings;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What docs/writing-a-policy.md shows is what the tool does. */
class WritingAPolicyGuideTest {
  private static final Path GUIDE = Path.of("../docs/writing-a-policy.md");
  private static final Policy SEED = PolicyLoader.standard().load(Path.of("connect-academy-trust/social-media-policy.yaml"));

  private static Incident incident(String role, String clause) {
    String yaml = "id: g-1\nperson: {roles: [" + role + "]}\nclauses: [" + clause + "]\n";
    return IncidentLoader.forPolicy(SEED).read(LocatedDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "g.yaml", ReadLimits.STANDARD), "");
  }

  /** The first fenced block of {@code language} after the heading. */
  private static String block(String heading, String language) throws Exception {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    int at = guide.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "the guide has no heading " + heading);
    int open = guide.indexOf("```" + language + "\n", at) + language.length() + 4;
    return guide.substring(open, guide.indexOf("```", open));
  }

  @Test
  void theCasesFileTheGuideShowsIsOneTheToolReads() throws Exception {
    String yaml = block("## Test the policy's answers", "yaml");
    CaseSuite suite = CaseSuite.read(LocatedDocument.read(yaml.getBytes(StandardCharsets.UTF_8), "guide.cases.yaml", ReadLimits.STANDARD), SEED);
    assertEquals(1, suite.cases().size());
    assertEquals("case-09", suite.cases().get(0).incident().id());
  }

  @Test
  void theWaysTheGuideSaysAnActionReadsAreHowARulingReadsIt() throws Exception {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    String staff = Rulings.toText(Evaluator.of(SEED).rule(incident("staff", "conduct.name-and-logo")), SEED).replaceAll("\\s+", " ");
    String sentence = "The breach of paragraph 3.1(a) must be fully investigated.";
    assertTrue(guide.contains(sentence), "the guide should show: " + sentence);
    assertTrue(staff.contains(sentence), staff);
    String volunteer = Rulings.toText(Evaluator.of(SEED).rule(incident("volunteer", "principles.no-contact-with-children")), SEED).replaceAll("\\s+", " ");
    String board = "The Board of Directors must take appropriate action";
    assertTrue(guide.contains(board), "the guide should show: " + board);
    assertTrue(volunteer.contains(board), volunteer);
  }

  @Test
  void theGuideSaysWhatCheckCallsAConflict() throws Exception {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    assertTrue(guide.contains("**conflict**: two \"must\" consequences follow the same breach by the same person, but one `excludes` the other"),
        "the guide describes a conflict as the checker finds one: two musts, one excluding the other");
  }
}
